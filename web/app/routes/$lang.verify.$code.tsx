import { json, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { VerifiedFields, VerifyForm } from '~/components/certificates';
import { ErrorPage } from '~/components/errors';
import { groupCode, isCodeLike, normalizeCode, retryAfterSeconds, type VerifiedCertificate } from '~/lib/certificates';
import { verifyCertificate } from '~/lib/certificates-api.server';
import { formatDate } from '~/lib/format';
import { raise } from '~/lib/http.server';
import { fixedT } from '~/lib/i18n.server';
import { pageTitle } from '~/lib/meta';
import { notFound, requireLocale } from '~/lib/params.server';
import certificateStyles from '~/styles/certificates.css?url';

export const links = () => [{ rel: 'stylesheet', href: certificateStyles }];

// A holder's name must never end up in a search engine: noindex in the page and in the header.
export const meta: MetaFunction<typeof loader> = (args) => [{ title: pageTitle(args) }, { name: 'robots', content: 'noindex' }];
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

type Outcome =
  | { state: 'valid' | 'revoked'; certificate: VerifiedCertificate }
  | { state: 'unknown' | 'mistyped' }
  | { state: 'tooMany'; retryAfter: number };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = requireLocale(params);
  const typed = params.code ?? '';
  if (!isCodeLike(typed)) raise(notFound());
  const code = normalizeCode(typed);
  const t = fixedT(lang);
  const result = await verifyCertificate(code, lang, context.clientIp);
  let outcome: Outcome;
  let status = 200;
  const responseHeaders = new Headers({ 'X-Robots-Tag': 'noindex', 'Cache-Control': 'no-store' });
  if (result.ok) {
    outcome = { state: result.data.status === 'revoked' ? 'revoked' : 'valid', certificate: result.data };
  } else if (result.response.status === 429) {
    const retryAfter = retryAfterSeconds(result.response.headers.get('retry-after'));
    outcome = { state: 'tooMany', retryAfter };
    status = 429;
    responseHeaders.set('Retry-After', String(retryAfter));
  } else if (result.response.status === 404) {
    outcome = { state: result.problem.code === 'verify.mistyped' ? 'mistyped' : 'unknown' };
    status = 404;
  } else {
    raise(notFound());
  }
  const origin = new URL(request.url).origin;
  return json(
    {
      lang,
      title: t('verify.pageTitle', { code: groupCode(code) }),
      code,
      outcome,
      jwksUrl: `${origin}/.well-known/jwks.json`,
      credentialPending: new URL(request.url).searchParams.has('pending'),
    },
    { status, headers: responseHeaders },
  );
}

function Verdict() {
  const { lang, outcome } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const mark = outcome.state === 'valid' ? '✓' : outcome.state === 'tooMany' ? '…' : '✗';
  return (
    <section className={`verify-verdict verify-${outcome.state}`} aria-labelledby="verdict-title">
      <p className="verify-verdict-title" id="verdict-title">
        <span className="verify-mark" aria-hidden="true">
          {mark}
        </span>{' '}
        <strong>{t(`verify.state.${outcome.state}`)}</strong>
      </p>
      <p>
        {outcome.state === 'revoked'
          ? t('verify.stateText.revoked', { date: outcome.certificate.revokedAt ? formatDate(outcome.certificate.revokedAt, lang) : '' })
          : outcome.state === 'tooMany'
            ? t('verify.stateText.tooMany', { count: outcome.retryAfter })
            : t(`verify.stateText.${outcome.state}`)}
      </p>
    </section>
  );
}

export default function VerifyCertificate() {
  const { lang, code, outcome, jwksUrl, credentialPending } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <p className="eyebrow">{t('verify.eyebrow')}</p>
      <h1>{t('verify.title')}</h1>
      <Verdict />
      {outcome.state === 'valid' || outcome.state === 'revoked' ? (
        <>
          <h2>{t('verify.printedTitle')}</h2>
          <p className="muted">{t('verify.printedLead')}</p>
          <VerifiedFields certificate={outcome.certificate} lang={lang} />
          {/* A revoked certificate's signed credential is no longer handed out (the api answers 410). */}
          {outcome.state === 'valid' ? (
            <section className="panel" aria-labelledby="check-title">
              <h2 id="check-title">{t('verify.checkTitle')}</h2>
              {credentialPending ? <p className="notice">{t('verify.credentialPending')}</p> : null}
              <p>{t('verify.checkText')}</p>
              <p>
                <a className="button" href={`/${lang}/verify/${code}/credential`} download>
                  {t('verify.downloadCredential')}
                </a>
              </p>
              <p>{t('verify.checkKeys')}</p>
              <p>
                <a href={jwksUrl} dir="ltr" className="break-anywhere">
                  {jwksUrl}
                </a>
              </p>
            </section>
          ) : null}
        </>
      ) : outcome.state === 'unknown' || outcome.state === 'mistyped' ? (
        <section className="panel" aria-labelledby="retype-title">
          <h2 id="retype-title">{t('verify.retypeTitle')}</h2>
          <VerifyForm lang={lang} defaultValue={groupCode(code)} />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
