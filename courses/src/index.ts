/**
 * Curriculum as content: one folder per course (manifest + per-locale Markdown) and the library that validates and
 * imports it. This library never imports from `api` or `web`.
 */
import { contentHash as hash, courseContentDir as contentDir, loadCourse as loadOne, loadCourses as loadAll } from './load';

export type * from './manifest';

/**
 * Absolute path of the shipped content folder (`courses/content`), resolved relative to this file so it is the same
 * whether the library runs from TypeScript sources (`courses/src`, jest, ts-node) or from the build (`courses/dist`).
 * Each subfolder is one course: `<slug>/course.yaml` and Markdown files per locale referenced from it.
 *
 * @example
 * import { courseContentDir } from '@halaqa/courses';
 * const dir = path.join(courseContentDir, 'public-narrative');
 */
export const courseContentDir: string = contentDir;

/**
 * Reads one course folder, validates it and returns the course with its content hash, or no course and the list
 * of issues (each naming the file and line to fix). Checks: the manifest schema; every locale in `locales` has every
 * text (titles, summaries, lesson bodies, instructions, rubric labels and descriptions); rubric levels have the same
 * keys in the same order across criteria and strictly increasing points; passMark ≤ rubric maximum; unique keys;
 * referenced Markdown files exist; `lesson:<module-key>/<lesson-key>` links resolve; no raw HTML in Markdown.
 *
 * @example
 * const { course, issues } = await loadCourse(path.join(courseContentDir, 'public-narrative'));
 * if (!course) for (const i of issues) console.error(`${i.file}:${i.line ?? 1}: ${i.message}`);
 */
export const loadCourse = loadOne;

/**
 * Loads and validates every course folder under `rootDir` (default: the shipped content), in folder-name order.
 * Valid courses are returned even when another course has issues; an importer should refuse to import while
 * `issues` is not empty.
 *
 * @example
 * const { courses, issues } = await loadCourses();
 * for (const { course, contentHash } of courses) console.log(course.slug, contentHash);
 */
export const loadCourses = loadAll;

/**
 * SHA-256 (hex) of a canonical JSON of the course (object keys sorted, Markdown normalized to LF): the same content
 * always gives the same hash, and any change to any text, key, number or order gives a new one — a new version on
 * import. `loadCourse` already sets it as `contentHash`.
 *
 * @example
 * const { course } = await loadCourse(dir);
 * contentHash(course!.course) === course!.contentHash; // true
 */
export const contentHash = hash;
