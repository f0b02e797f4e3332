/**
 * Validates the courses under a folder (default: courses/content) and prints each issue as `file:line: message`.
 * Exits 1 when there is any issue. Usage: `npm run courses:validate [-- <dir>]`.
 */
import path from 'node:path';
import { courseContentDir, loadCourses } from './index';

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? courseContentDir);
  const { courses, issues } = await loadCourses(root);
  for (const issue of issues) {
    console.error(`${path.relative(process.cwd(), issue.file)}:${issue.line ?? 1}: ${issue.message}`);
  }
  for (const { course, contentHash } of courses) {
    console.log(`ok ${course.slug} [${course.locales.join(', ')}] ${course.modules.length} modules ${contentHash.slice(0, 12)}`);
  }
  if (issues.length > 0) {
    console.error(`${issues.length} issue(s)`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
