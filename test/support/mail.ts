import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { EmailPayload } from '../../api/src/mail/email-message';

export interface TestSmtpServer {
  /** Give this to the worker as SMTP_URL. */
  url: string;
  /** Every message accepted so far, in arrival order. */
  messages: ParsedMail[];
  /** The first accepted message (already there or still to come) that matches; rejects after `timeoutMs`. */
  waitFor(predicate: (message: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Resolves once at least `count` messages were accepted. */
  waitForCount(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  /** Answers the next `count` messages with this SMTP error instead of accepting them (451: try later, 550: never). */
  rejectNext(count: number, responseCode: number): void;
  /**
   * Holds every message at the end of DATA without answering, until `resume()`. Like a real MTA, a held message
   * whose client went away before the answer is not kept: the client never heard it was accepted.
   */
  pause(): void;
  resume(): void;
  /** Held messages whose client is still connected (waiting for the answer). */
  held(): number;
  close(): Promise<void>;
}

/**
 * A real SMTP server on a free port that keeps what it receives, parsed with mailparser, so a test can assert
 * "the email arrived": `const mail = await smtp.waitFor((m) => m.subject.includes('Welcome'))`.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  const closedSessions = new Set<string>();
  let held: Array<{ session: SMTPServerSession; mail: ParsedMail; callback: (error?: Error | null) => void }> = [];
  let paused = false;
  let rejections: number[] = [];

  const accept = (mail: ParsedMail, callback: (error?: Error | null) => void) => {
    messages.push(mail);
    callback();
    for (const wake of waiters) wake();
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      simpleParser(stream)
        .then((mail) => {
          const code = rejections.shift();
          if (code !== undefined) return callback(Object.assign(new Error(`Rejected by the test (${code})`), { responseCode: code }));
          if (paused) held.push({ session, mail, callback });
          else accept(mail, callback);
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  const waitUntil = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const wake = () => {
        const found = check();
        if (found === undefined) return;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`${what} within ${timeoutMs} ms (${messages.length} message(s) received)`));
      }, timeoutMs);
      waiters.add(wake);
      wake();
    });

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (predicate, timeoutMs = 10_000) => waitUntil(() => messages.find(predicate), timeoutMs, 'No matching email arrived'),
    waitForCount: (count, timeoutMs = 10_000) => waitUntil(() => (messages.length >= count ? messages : undefined), timeoutMs, `Fewer than ${count} emails arrived`),
    rejectNext(count, responseCode) {
      rejections = [...rejections, ...Array<number>(count).fill(responseCode)];
    },
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      const waiting = held;
      held = [];
      for (const { session, mail, callback } of waiting) {
        if (closedSessions.has(session.id)) continue;
        accept(mail, callback);
      }
    },
    held: () => held.filter(({ session }) => !closedSessions.has(session.id)).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An `email` outbox payload with overrides: `emailPayload({ locale: 'fr', template: 'invitation' })`. */
export function emailPayload(overrides: Partial<EmailPayload> = {}): EmailPayload {
  return {
    template: 'welcome',
    to: 'salma@example.org',
    locale: 'ar',
    data: { name: 'سلمى', url: 'http://localhost:3000/ar' },
    ...overrides,
  };
}

/** Groups received messages by Message-ID: a resend of the same outbox message has the same one. */
export function countByMessageId(messages: ParsedMail[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of messages) counts.set(message.messageId ?? '', (counts.get(message.messageId ?? '') ?? 0) + 1);
  return counts;
}
