import { Link, useFetcher } from '@remix-run/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftStorageKey, statusOf, type SubmissionStatus } from '~/lib/exercises';

export function StatusBadge({ status }: { status: SubmissionStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`exercises.status.${status}`)}</span>;
}

/** Markdown already rendered and sanitized on the server (lib/markdown.server.ts). */
export function RenderedMarkdown({ html, className }: { html: string; className?: string }) {
  // Sanitized on the server: no raw HTML, scripts, images or styles.
  return <div className={className ? `markdown ${className}` : 'markdown'} dangerouslySetInnerHTML={{ __html: html }} />;
}

interface AutosaveProps {
  assignmentId: string;
  /** The form the textarea belongs to (its csrf token is sent with every autosave). */
  formId: string;
  textareaId: string;
  /** "21:04:05" of the last save, formatted on the server in the reader's zone. */
  savedText: string | null;
}

/**
 * With JavaScript, the draft is saved every few seconds after typing stops (a fetcher posting to the same action
 * as "Save draft"), and a copy is kept in localStorage until the server has it, so nothing typed is lost offline
 * or on a failed save. Without JavaScript, this renders the last saved time only and the button does the work.
 */
export function DraftAutosave({ assignmentId, formId, textareaId, savedText }: AutosaveProps) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ savedText?: string | null; errors?: string[] }>();
  const [state, setState] = useState<'idle' | 'pending' | 'offline' | 'restored'>('idle');
  const [lastSaved, setLastSaved] = useState<string | null>(savedText);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const key = draftStorageKey(assignmentId);

  useEffect(() => {
    const area = document.getElementById(textareaId) as HTMLTextAreaElement | null;
    if (!area) return;
    // A copy left by an earlier visit that the server never got comes back into the editor.
    const kept = window.localStorage.getItem(key);
    if (kept !== null && kept !== area.value) {
      area.value = kept;
      setState('restored');
    } else if (kept !== null) {
      // The server has exactly this text (saved with the button): the copy is no longer needed.
      window.localStorage.removeItem(key);
    }
    const onInput = () => {
      window.localStorage.setItem(key, area.value);
      setState('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const form = document.getElementById(formId) as HTMLFormElement | null;
        if (!form) return;
        if (!navigator.onLine) {
          setState('offline');
          return;
        }
        const data = new FormData(form);
        data.set('intent', 'autosave');
        fetcher.submit(data, { method: 'post', action: form.getAttribute('action') ?? undefined });
      }, 3000);
    };
    area.addEventListener('input', onInput);
    return () => {
      area.removeEventListener('input', onInput);
      if (timer.current) clearTimeout(timer.current);
    };
    // The fetcher's submit is stable enough for a debounced save; the listener is set up once per editor.
  }, [key, formId, textareaId]);

  useEffect(() => {
    if (fetcher.state !== 'idle' || !fetcher.data) return;
    if (fetcher.data.savedText) {
      const area = document.getElementById(textareaId) as HTMLTextAreaElement | null;
      // Only forget the local copy when what the server saved is what is on screen.
      if (area && window.localStorage.getItem(key) === area.value) window.localStorage.removeItem(key);
      setLastSaved(fetcher.data.savedText);
      setState('idle');
    } else {
      setState('offline');
    }
  }, [fetcher.state, fetcher.data, key, textareaId]);

  const clock = lastSaved;
  return (
    <p className="autosave muted" role="status" aria-live="polite">
      {state === 'pending' ? t('exercises.saving') : null}
      {state === 'offline' ? t('exercises.keptLocally') : null}
      {state === 'restored' ? t('exercises.restored') : null}
      {state === 'idle' && clock ? t('exercises.savedAt', { time: clock }) : null}
    </p>
  );
}

interface PanelData {
  cohortId: string;
  total: number;
  passed: number;
  next: { id: string; title: string; due: string; status: string }[];
}

/** "My exercises" on the trainee's circle page: progress, the next few to do, and the way to the full list. */
export function MyExercises({ panel, lang }: { panel: PanelData; lang: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel my-exercises" aria-labelledby="my-exercises-title">
      <h2 id="my-exercises-title">{t('exercises.myTitle')}</h2>
      <p className="muted">{t('exercises.progress', { passed: panel.passed, total: panel.total })}</p>
      <ul className="my-exercises-next">
        {panel.next.map((item) => (
          <li key={item.id}>
            <Link to={`/${lang}/exercises/${item.id}`}>{item.title}</Link> <StatusBadge status={statusOf(item.status)} />
            <span className="muted"> {t('exercises.dueAt', { when: item.due })}</span>
          </li>
        ))}
      </ul>
      <p>
        <Link className="button" to={`/${lang}/cohorts/${panel.cohortId}/exercises`}>
          {t('exercises.open')}
        </Link>
      </p>
    </section>
  );
}
