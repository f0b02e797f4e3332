/**
 * Curriculum as content: one folder per course (manifest + per-locale Markdown) and the library that validates and
 * imports it. The courses and the importer arrive with the curriculum issue; this library never imports from `api`
 * or `web`.
 */
export const COURSE_LOCALES = ['ar', 'en', 'fr'] as const;
export type CourseLocale = (typeof COURSE_LOCALES)[number];
