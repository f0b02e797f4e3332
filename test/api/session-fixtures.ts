import request from 'supertest';
import type { TestApp } from '../support/app';
import { makeCohort, type CohortOptions } from './enrollment-fixtures';
import { bearer, registerAccount, sql, type Account } from './fixtures';

/** A circle of a cohort, straight in the database, with its coaches. */
export async function makeCircle(t: TestApp, cohortId: string, options: { name?: Record<string, string>; coaches?: Account[] } = {}): Promise<string> {
  const [circle] = await sql<{ id: string }>(t, `INSERT INTO learning_circles (cohort_id, name, place) VALUES ($1, $2, $3) RETURNING id`, [
    cohortId,
    options.name ?? { ar: 'حلقة اللويبدة', en: 'Weibdeh circle', fr: 'Cercle de Weibdeh' },
    { ar: 'مكتبة اللويبدة', en: 'Weibdeh library' },
  ]);
  for (const coach of options.coaches ?? []) await sql(t, `INSERT INTO circle_coaches (circle_id, user_id) VALUES ($1, $2)`, [circle.id, coach.id]);
  return circle.id;
}

/** An active enrollment in the cohort and an open membership of the circle since `joinedAt`; returns the enrollment id. */
export async function putInCircle(t: TestApp, cohortId: string, circleId: string, account: Account, joinedAt: Date = new Date('2020-01-01T00:00:00Z')): Promise<string> {
  const [enrollment] = await sql<{ id: string }>(
    t,
    `INSERT INTO enrollments (cohort_id, user_id, status) VALUES ($1, $2, 'active')
     ON CONFLICT (cohort_id, user_id) DO UPDATE SET status = 'active' RETURNING id`,
    [cohortId, account.id],
  );
  await sql(t, `INSERT INTO circle_memberships (circle_id, enrollment_id, joined_at) VALUES ($1, $2, $3)`, [circleId, enrollment.id, joinedAt]);
  return enrollment.id;
}

export interface CircleWorld {
  cohortId: string;
  circleId: string;
  trainer: Account;
  coach: Account;
  trainee: Account;
  traineeEnrollment: string;
  /** A trainee of another circle of the same cohort, its coach, a cohort coach with no circle, someone unrelated. */
  otherTrainee: Account;
  otherCoach: Account;
  cohortCoach: Account;
  stranger: Account;
}

/** A cohort with a lead trainer, two circles with a coach and a trainee each, and people who must see nothing. */
export async function circleWorld(t: TestApp, cohort: CohortOptions = {}, locales: { trainee?: string; coach?: string } = {}): Promise<CircleWorld> {
  const trainer = await registerAccount(t, { nameLatin: 'Rana Trainer' });
  const coach = await registerAccount(t, { nameLatin: 'Karim Coach', locale: locales.coach ?? 'en' });
  const trainee = await registerAccount(t, { nameLatin: 'Salma Trainee', nameArabic: 'سلمى', locale: locales.trainee ?? 'en' });
  const otherTrainee = await registerAccount(t, { nameLatin: 'Omar Other' });
  const otherCoach = await registerAccount(t, { nameLatin: 'Huda Othercoach' });
  const cohortCoach = await registerAccount(t, { nameLatin: 'Nour Cohortcoach' });
  const stranger = await registerAccount(t, { nameLatin: 'Sami Stranger' });
  const cohortId = await makeCohort(t, { leadTrainer: trainer, coach: cohortCoach, ...cohort });
  await sql(t, `INSERT INTO cohort_staff (cohort_id, user_id, role) VALUES ($1, $2, 'coach'), ($1, $3, 'coach')`, [cohortId, coach.id, otherCoach.id]);
  const circleId = await makeCircle(t, cohortId, { coaches: [coach] });
  const otherCircle = await makeCircle(t, cohortId, { name: { en: 'Other circle' }, coaches: [otherCoach] });
  const traineeEnrollment = await putInCircle(t, cohortId, circleId, trainee);
  await putInCircle(t, cohortId, otherCircle, otherTrainee);
  return { cohortId, circleId, trainer, coach, trainee, traineeEnrollment, otherTrainee, otherCoach, cohortCoach, stranger };
}

/** Schedules through the API as `by`; throws unless 201. */
export async function schedule(t: TestApp, by: Account, circleId: string, body: Record<string, unknown>): Promise<{ seriesId: string | null; items: SessionBody[] }> {
  const res = await request(t.url).post(`/api/circles/${circleId}/sessions`).set('authorization', bearer(by)).set('accept-language', 'en').send(body);
  if (res.status !== 201) throw new Error(`schedule failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { seriesId: string | null; items: SessionBody[] };
}

export interface SessionBody {
  id: string;
  startsAt: string;
  localStart: string;
  timeZone: string;
  status: string;
  sequence: number;
  seriesId: string | null;
  seriesIndex: number | null;
  durationMinutes: number;
  displayPlace: string;
  onlineUrl: string | null;
  displayAgenda: string;
  cancelReason: string | null;
  canManage: boolean;
  circle: { id: string; displayName: string; courseTitle: string };
}

/** `YYYY-MM-DD` of a day `days` from now in a zone. */
export function localDay(days: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}
