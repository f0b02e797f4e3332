import { DEMO_PASSWORD } from '../../api/src/demo/demo-data';
import { API_URL, uniqueEmail } from './browser';

/**
 * Arranging cohorts for browser tests through the api, as a trainer or admin would: each test gets cohorts and
 * people of its own, so the suite's parallel files never see each other's changes to the shared demo data.
 */
export async function apiCall<T = unknown>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${API_URL()}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', 'Accept-Language': 'en', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function apiLogin(email: string, password = DEMO_PASSWORD): Promise<string> {
  return (await apiCall<{ token: string }>('POST', '/api/auth/login', null, { email, password })).token;
}

/** A new account (Arabic by default) and its token. */
export async function newPerson(label: string, names: { nameLatin?: string; nameArabic?: string }, locale = 'ar'): Promise<{ email: string; token: string; password: string }> {
  const email = uniqueEmail(label);
  const password = 'a long enough password';
  await apiCall('POST', '/api/auth/register', null, { email, password, ...names, locale, timeZone: 'Asia/Amman' });
  return { email, password, token: await apiLogin(email, password) };
}

export async function anyCourseSlug(): Promise<string> {
  const courses = await apiCall<{ items: { slug: string }[] }>('GET', '/api/courses', null);
  const first = courses.items[0];
  if (!first) throw new Error('no course imported: the demo imports the courses before seeding');
  return first.slug;
}

/**
 * An open cohort led by trainer@ (created by admin@, so trainer@'s own cohorts are not touched), with the given
 * capacity and mode; application cohorts ask one required question, `motivation`.
 */
export async function openCohort(options: { name: string; capacity: number; mode: 'open' | 'application' | 'invite'; city?: string }): Promise<string> {
  const admin = await apiLogin('admin@example.org');
  const cohort = await apiCall<{ id: string }>('POST', '/api/cohorts', admin, {
    courseSlug: await anyCourseSlug(),
    name: { en: options.name, ar: options.name },
    startsOn: '2027-03-01',
    endsOn: '2027-05-31',
    timeZone: 'Asia/Amman',
    online: !options.city,
    ...(options.city ? { city: { en: options.city } } : {}),
    capacity: options.capacity,
    enrollmentMode: options.mode,
    applicationQuestions:
      options.mode === 'application'
        ? [{ key: 'motivation', label: { ar: 'لماذا تريد الانضمام؟', en: 'Why do you want to join?' }, required: true }]
        : [],
    leadTrainerEmail: 'trainer@example.org',
  });
  await apiCall('POST', `/api/cohorts/${cohort.id}/status`, admin, { status: 'open' });
  return cohort.id;
}

export async function join(cohortId: string, token: string, answers?: Record<string, string>): Promise<{ id: string; status: string }> {
  return apiCall('POST', `/api/cohorts/${cohortId}/enrollments`, token, answers ? { answers } : {});
}
