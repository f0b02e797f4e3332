import 'reflect-metadata';
import { SingleBar, Presets } from 'cli-progress';
import { DataSource } from 'typeorm';
import { baseDataSourceOptions } from '@halaqa/migrations';
import { loadCourses } from '@halaqa/courses';
import { loadConfig } from '../config/config';
import { ENTITIES } from '../database/entities';
import { importCourses, type CourseImportResult } from './course-import';

/**
 * `npm run courses:import`: validates every course under `courses/content` (or the folder given as the first
 * argument) and imports it. Refuses to import anything while a course has issues, naming file and line.
 */
export async function runCourseImport(url: string, rootDir?: string, out: NodeJS.WriteStream = process.stdout): Promise<CourseImportResult[]> {
  const { courses, issues } = await loadCourses(rootDir);
  if (issues.length > 0) {
    throw new Error(`courses have issues:\n${issues.map((i) => `  ${i.file}:${i.line ?? 1}: ${i.message}`).join('\n')}`);
  }
  const ds = new DataSource({ ...baseDataSourceOptions(url), entities: ENTITIES });
  await ds.initialize();
  const bar = new SingleBar({ format: 'courses {bar} {value}/{total} {slug}', stream: out, noTTYOutput: true, notTTYSchedule: 1000 }, Presets.shades_classic);
  bar.start(courses.length, 0, { slug: '' });
  try {
    const results = await importCourses(ds, courses, (r) => bar.increment({ slug: `${r.slug} (${r.outcome}, v${r.version})` }));
    bar.stop();
    for (const r of results) out.write(`${r.slug}: ${r.outcome.replace('_', ' ')} (version ${r.version})\n`);
    return results;
  } finally {
    bar.stop();
    await ds.destroy();
  }
}

if (require.main === module) {
  runCourseImport(loadConfig().DATABASE_URL, process.argv[2]).then(
    () => undefined,
    (error: unknown) => {
      process.stderr.write(`Course import failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
