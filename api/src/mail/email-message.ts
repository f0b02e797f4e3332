import type { Locale } from '../common/localized-text';

/** Outbox kind of every email. */
export const EMAIL_KIND = 'email';

/** The emails Halaqa sends, each rendered from ar/en/fr templates in the recipient's language. */
export type EmailTemplate = 'welcome' | 'password_reset' | 'invitation';

/** Payload of an `email` outbox message. Links are absolute (PUBLIC_WEB_URL). */
export interface EmailPayload extends Record<string, unknown> {
  template: EmailTemplate;
  to: string;
  locale: Locale;
  /** Values the template shows, e.g. `{ name, url, organizationName, expiresAt }`. Never a password. */
  data: Record<string, string>;
}
