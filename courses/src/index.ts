/**
 * Curriculum as content: one folder per course (manifest + per-locale Markdown) and the library that validates and
 * imports it. The courses and the importer arrive with the curriculum issue; this library never imports from `api`
 * or `web`.
 */


export type * from './manifest';
