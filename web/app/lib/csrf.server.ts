import { createCookie, json } from '@remix-run/node';
import { CSRF, CSRFError } from 'remix-utils/csrf/server';
import { env } from './env.server';
import { raise } from './http.server';

export const csrf = new CSRF({
  cookie: createCookie('__halaqa_csrf', {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: env.secureCookies,
    secrets: [env.sessionSecret],
  }),
  formDataKey: 'csrf',
  secret: env.sessionSecret,
});

/** Reads the form and checks its authenticity token; a missing or wrong one is a 403 the route explains. */
export async function validatedFormData(request: Request): Promise<FormData> {
  const formData = await request.formData();
  try {
    await csrf.validate(formData, request.headers);
  } catch (error) {
    if (error instanceof CSRFError) {
      raise(json({ code: 'csrf.invalid' }, { status: 403 }));
    }
    throw error;
  }
  return formData;
}
