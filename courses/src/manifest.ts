/**
 * The shape of a course as the `courses` library returns it after validation — the contract between the content
 * (courses/content/<slug>/), the importer (api) and the pages (web, via the api). A cohort pins one version of it.
 */
export type CourseLocale = 'ar' | 'en' | 'fr';
export type Localized = Partial<Record<CourseLocale, string>>;

export type SubmissionKind = 'text' | 'file' | 'both';

export interface RubricLevel {
  /** Stable within the criterion, e.g. `beginning`, `developing`, `proficient`. */
  key: string;
  points: number;
  label: Localized;
  description: Localized;
}

export interface RubricCriterion {
  key: string;
  title: Localized;
  /** Same level keys, in the same order, for every criterion of a rubric. */
  levels: RubricLevel[];
}

export interface ExerciseTemplate {
  /** Stable across versions, e.g. `story-of-self`. */
  key: string;
  title: Localized;
  /** Markdown per locale. */
  instructions: Localized;
  submissionKind: SubmissionKind;
  rubric: RubricCriterion[];
  /** Points needed to pass, out of the rubric's maximum. */
  passMark: number;
  /** Days after the module starts, as a default due date for cohorts. */
  dueAfterDays: number;
}

export interface Lesson {
  key: string;
  title: Localized;
  /** Markdown per locale. */
  body: Localized;
  /** Minutes, for planning. */
  duration: number;
}

export interface CourseModule {
  key: string;
  title: Localized;
  summary: Localized;
  lessons: Lesson[];
  exercises: ExerciseTemplate[];
}

export interface CompletionRule {
  /** 0–100: share of circle sessions attended (present or late). */
  minAttendancePercent: number;
  /** Exercise keys that must be passed; `all` means every exercise of the course. */
  requiredExercises: 'all' | string[];
  finalReview: boolean;
}

export interface Course {
  slug: string;
  title: Localized;
  summary: Localized;
  /** Locales the course is fully written in; the others fall back (and the page says so). */
  locales: CourseLocale[];
  modules: CourseModule[];
  completion: CompletionRule;
}

export interface ValidatedCourse {
  course: Course;
  /** SHA-256 of the normalized content: a new hash means a new version on import. */
  contentHash: string;
}

/** One problem found while validating, naming the file and line a person must fix. */
export interface CourseIssue {
  file: string;
  line: number | null;
  message: string;
}
