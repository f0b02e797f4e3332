import { createCookieSessionStorage, redirect } from '@remix-run/node';
import { apiClient, call, type User } from './api.server';
import { env } from './env.server';
import { raise } from './http.server';
import type { Locale } from './locale';

interface SessionData {
  /** The api's opaque bearer token; nothing else lives in the cookie. */
  token: string;
}

export const sessionStorage = createCookieSessionStorage<SessionData>({
  cookie: {
    name: '__halaqa_session',
    httpOnly: true,
    sameSite: 'lax',
    secure: env.secureCookies,
    path: '/',
    secrets: [env.sessionSecret],
    maxAge: 60 * 60 * 24 * 30,
  },
});

export async function getSession(request: Request) {
  return sessionStorage.getSession(request.headers.get('Cookie'));
}

export async function getToken(request: Request): Promise<string | null> {
  const session = await getSession(request);
  return session.get('token') ?? null;
}

/** The signed-in user, or null when there is no session or the api no longer knows the token. */
export async function getOptionalUser(request: Request, locale: Locale): Promise<User | null> {
  const token = await getToken(request);
  if (!token) return null;
  const result = await call(apiClient({ token, locale }).GET('/api/me'));
  return result.ok ? result.data : null;
}

export async function requireUser(request: Request, locale: Locale): Promise<{ user: User; token: string }> {
  const token = await getToken(request);
  if (token) {
    const result = await call(apiClient({ token, locale }).GET('/api/me'));
    if (result.ok) return { user: result.data, token };
  }
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  raise(redirect(`/${locale}/login?${new URLSearchParams({ redirectTo }).toString()}`));
}

export async function createUserSession(request: Request, token: string, redirectTo: string) {
  const session = await getSession(request);
  session.set('token', token);
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage.commitSession(session) } });
}

export async function destroyUserSession(request: Request, redirectTo: string) {
  const session = await getSession(request);
  return redirect(redirectTo, { headers: { 'Set-Cookie': await sessionStorage.destroySession(session) } });
}
