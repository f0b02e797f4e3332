import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Course as CourseContent, RubricCriterion } from '@halaqa/courses';
import { defaultDueAt } from '../assignments/assignments.service';
import { COHORT } from './demo-data';

/**
 * Exercise work in the demo: the running Ramallah cohort's assignments with submissions in every state, and the
 * completed Baghdad cohort where graduate@ (and Mustafa Al-Obaidi) passed everything. Rows have fixed ids (derived from a name) and a
 * submission that already exists keeps everything under it, so loading twice changes nothing.
 */
export const DEMO_EXERCISE_COHORTS = [COHORT.ramallah, COHORT.baghdad] as const;

/** A fixed UUID (v4 layout) derived from a name: the same name gives the same id on every run. */
export function demoId(name: string): string {
  const h = createHash('sha256').update(`halaqa-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Outcome = 'pass' | 'revise';

interface DemoVersion {
  text: string;
  /** Days from today. */
  day: number;
  late?: boolean;
  review?: { by: string; outcome: Outcome; feedback: string; criterionFeedback?: Record<number, string>; released: boolean };
}

interface DemoSubmission {
  cohortId: string;
  email: string;
  /** 1-based position of the assignment in the course. */
  position: number;
  draft?: string;
  versions: DemoVersion[];
  thread?: { email: string; body: string; criterion?: number }[];
  peer?: { email: string; body: string }[];
}

const R = COHORT.ramallah;
const B = COHORT.baghdad;

export const DEMO_SUBMISSIONS: DemoSubmission[] = [
  // trainee@ (Ramallah): passed the first with English feedback, a thread and a peer comment; returned on the second
  // with Arabic feedback; a draft on the third.
  {
    cohortId: R,
    email: 'trainee@example.org',
    position: 1,
    versions: [
      {
        text: 'Our team has three roles: a coordinator who keeps the weekly rhythm, a outreach lead who recruits volunteers in Al-Bireh, and a communications lead. Each role has a clear decision area and we meet every Sunday.',
        day: -26,
        review: {
          by: 'coach@example.org',
          outcome: 'pass',
          feedback: 'A clear, workable structure. **Strong point:** every role owns a decision. Next step: write down how the team decides when roles overlap.',
          criterionFeedback: { 1: 'Well defined roles.' },
          released: true,
        },
      },
    ],
    thread: [
      { email: 'trainee@example.org', body: 'Should the coordinator also hold the budget, or is that a separate role?', criterion: 1 },
      { email: 'coach@example.org', body: 'Keep the budget with the coordinator for now; split it once the team passes eight people.', criterion: 1 },
    ],
    peer: [{ email: 'aseel.barghouti@example.org', body: 'I like the Sunday rhythm — we will borrow it for our team in Ramallah.' }],
  },
  {
    cohortId: R,
    email: 'trainee@example.org',
    position: 2,
    versions: [
      {
        text: 'الهدف: تحسين خدمة جمع النفايات في البيرة. سنعمل مع البلدية والسكان.',
        day: -12,
        review: {
          by: 'coach@example.org',
          outcome: 'revise',
          feedback: 'بداية جيدة، لكن الهدف عام جدًا. حدّدي **من** يملك القرار في البلدية و**ما** التغيير المطلوب بالضبط وفي أي موعد، ثم أعيدي كتابة الاستراتيجية في صفحة واحدة.',
          criterionFeedback: { 1: 'الهدف يحتاج إلى صاحب قرار وموعد واضحين.' },
          released: true,
        },
      },
    ],
  },
  { cohortId: R, email: 'trainee@example.org', position: 3, draft: 'Week 1–2: recruit 15 volunteers.\nWeek 3: first public meeting with the municipality…', versions: [] },
  // Aseel resubmitted: version 1 returned (Arabic feedback), version 2 waits in coach@'s queue.
  {
    cohortId: R,
    email: 'aseel.barghouti@example.org',
    position: 1,
    versions: [
      {
        text: 'فريقنا: أنا وصديقتان. نعمل معًا على كل شيء.',
        day: -27,
        review: { by: 'coach@example.org', outcome: 'revise', feedback: 'من يقرّر ماذا؟ وزّعي الأدوار وحدّدي مسؤولية كل واحدة.', released: true },
      },
      { text: 'فريقنا ثلاثة أدوار: منسّقة، ومسؤولة تواصل، ومسؤولة متطوعين. لكل دور قراراته، ونلتقي أسبوعيًا يوم الأحد.', day: -4 },
    ],
  },
  // Majd handed in the second late; Ruba the first on time: both wait in coach@'s queue (Ruba's is older).
  { cohortId: R, email: 'majd.qawasmeh@example.org', position: 2, versions: [{ text: 'Goal: a safe crossing near the Al-Bireh school before the next school year.', day: -2, late: true }] },
  { cohortId: R, email: 'ruba.shalabi@example.org', position: 1, versions: [{ text: 'A coordinator, two organisers, one spokesperson. Decisions by the coordinator after a team vote.', day: -20 }] },
];

/** graduate@ passed every exercise of the Baghdad cohort; added for each assignment when the course is loaded. */
const GRADUATE = 'graduate@example.org';

interface AssignmentRow {
  id: string;
  position: number;
  rubric: RubricCriterion[];
  pass_mark: number;
  title: { ar?: string; en?: string };
}

function dayAt(offset: number, hour = 10): Date {
  const d = new Date();
  d.setUTCHours(hour, 0, 0, 0);
  return new Date(d.getTime() + offset * 86_400_000);
}

/** Creates the demo cohorts' assignments (as instantiation would) and the demo submissions; returns rows created. */
export async function seedExercises(manager: EntityManager): Promise<number> {
  let created = 0;
  for (const cohortId of DEMO_EXERCISE_COHORTS) {
    const [cohort] = await manager.query<{ starts_on: string; time_zone: string; content: CourseContent | null }[]>(
      `SELECT to_char(h.starts_on, 'YYYY-MM-DD') AS starts_on, h.time_zone, v.content FROM cohorts h JOIN course_versions v ON v.id = h.course_version_id WHERE h.id = $1`,
      [cohortId],
    );
    if (!cohort) continue;
    let position = 0;
    for (const [moduleIndex, module] of (cohort.content?.modules ?? []).entries()) {
      for (const exercise of module.exercises ?? []) {
        position += 1;
        const rows = await manager.query<unknown[]>(
          `INSERT INTO assignments (id, cohort_id, module_key, exercise_key, position, title, instructions, rubric, pass_mark, submission_kind, due_at, late_policy)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'mark_late') ON CONFLICT DO NOTHING RETURNING id`,
          [
            demoId(`assignment:${cohortId}:${exercise.key}`),
            cohortId,
            module.key,
            exercise.key,
            position,
            exercise.title,
            exercise.instructions,
            JSON.stringify(exercise.rubric),
            exercise.passMark,
            exercise.submissionKind,
            defaultDueAt(cohort.starts_on, moduleIndex, exercise.dueAfterDays, cohort.time_zone),
          ],
        );
        created += rows.length;
      }
    }
  }
  const baghdad = await assignmentsOf(manager, B);
  const graduateWork: DemoSubmission[] = baghdad.map((a) => ({
    cohortId: B,
    email: GRADUATE,
    position: a.position,
    versions: [
      {
        text: `${a.title.en ?? 'Exercise'}: my work, written with my circle in Karrada.`,
        day: -140 + a.position * 14,
        review: { by: 'karrar.alyasiri@example.org', outcome: 'pass', feedback: 'عمل متقن ومدروس. أحسنت.', released: true },
      },
    ],
  }));
  // Mustafa and Zainab passed everything in Adhamiya too: with their final reviews, Zainab holds a certificate and
  // Mustafa is eligible but has none yet.
  const eligibleWork: DemoSubmission[] = ['mustafa.obaidi@example.org', 'zainab.hassan@example.org'].flatMap((email, person) =>
    baghdad.map((a) => ({
      cohortId: B,
      email,
      position: a.position,
      versions: [
        {
          text: `${a.title.ar ?? a.title.en ?? 'تمرين'}: عملي مع حلقة الأعظمية.`,
          day: -139 + person + a.position * 14,
          review: { by: 'karrar.alyasiri@example.org', outcome: 'pass' as const, feedback: 'عمل جيّد ومتماسك.', released: true },
        },
      ],
    })),
  );
  for (const s of [...DEMO_SUBMISSIONS, ...graduateWork, ...eligibleWork]) created += await seedSubmission(manager, s);
  return created;
}

function assignmentsOf(manager: EntityManager, cohortId: string): Promise<AssignmentRow[]> {
  return manager.query<AssignmentRow[]>(`SELECT id, position, rubric, pass_mark, title FROM assignments WHERE cohort_id = $1 ORDER BY position`, [cohortId]);
}

async function userId(manager: EntityManager, email: string): Promise<string | null> {
  const [row] = await manager.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [email]);
  return row?.id ?? null;
}

async function seedSubmission(manager: EntityManager, s: DemoSubmission): Promise<number> {
  const [assignment] = (await assignmentsOf(manager, s.cohortId)).filter((a) => a.position === s.position);
  const [enrollment] = await manager.query<{ id: string }[]>(
    `SELECT e.id FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.cohort_id = $1 AND u.email = $2 AND e.status IN ('active', 'completed')`,
    [s.cohortId, s.email],
  );
  if (!assignment || !enrollment) return 0;
  const last = s.versions.at(-1);
  const lastReview = last?.review?.released ? last.review.outcome : null;
  const status = !last ? 'draft' : lastReview === 'pass' ? 'passed' : lastReview === 'revise' ? 'returned' : 'submitted';
  const id = demoId(`submission:${assignment.id}:${enrollment.id}`);
  const inserted = await manager.query<unknown[]>(
    `INSERT INTO submissions (id, assignment_id, enrollment_id, status, draft_text, draft_saved_at, latest_version, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
    [id, assignment.id, enrollment.id, status, s.draft ?? '', s.draft ? dayAt(-1) : null, s.versions.length, last ? dayAt(last.day) : null],
  );
  // Already there (or the trainee started it themselves): leave it as it is.
  if (inserted.length === 0) return 0;
  let created = 1;
  for (const [i, v] of s.versions.entries()) {
    const versionId = demoId(`version:${id}:${i + 1}`);
    await manager.query(`INSERT INTO submission_versions (id, submission_id, number, text, late, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)`, [
      versionId,
      id,
      i + 1,
      v.text,
      v.late ?? false,
      dayAt(v.day),
    ]);
    created++;
    if (v.review) {
      const pick = (c: RubricCriterion) => (v.review!.outcome === 'pass' ? c.levels[c.levels.length - 1] : c.levels[0]);
      const scores = Object.fromEntries(assignment.rubric.map((c) => [c.key, pick(c).key]));
      const points = assignment.rubric.reduce((sum, c) => sum + pick(c).points, 0);
      const criterionFeedback = Object.fromEntries(Object.entries(v.review.criterionFeedback ?? {}).flatMap(([n, text]) => (assignment.rubric[Number(n) - 1] ? [[assignment.rubric[Number(n) - 1].key, text]] : [])));
      await manager.query(
        `INSERT INTO reviews (id, version_id, reviewer_id, scores, points, feedback, criterion_feedback, decision, released_at, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)`,
        [demoId(`review:${versionId}`), versionId, await userId(manager, v.review.by), JSON.stringify(scores), points, v.review.feedback, JSON.stringify(criterionFeedback), v.review.outcome, v.review.released ? dayAt(v.day + 2) : null, dayAt(v.day + 2)],
      );
      created++;
    }
    const lastVersion = i === s.versions.length - 1;
    const comments = lastVersion ? [...(s.thread ?? []).map((c) => ({ ...c, kind: 'thread' })), ...(s.peer ?? []).map((c) => ({ ...c, kind: 'peer', criterion: undefined }))] : [];
    for (const [k, c] of comments.entries()) {
      const author = await userId(manager, c.email);
      if (!author) continue;
      await manager.query(`INSERT INTO feedback_comments (id, version_id, author_id, kind, criterion_key, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        demoId(`comment:${versionId}:${k}`),
        versionId,
        author,
        c.kind,
        c.criterion ? (assignment.rubric[c.criterion - 1]?.key ?? null) : null,
        c.body,
        dayAt(v.day + 3, 10 + k),
      ]);
      created++;
    }
  }
  return created;
}
