import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Course as CourseContent } from '@halaqa/courses';
import { cohortSummaries } from '../cohorts/cohort-summaries';
import { Cohort } from '../cohorts/cohort.entity';
import { NotFoundException } from '../common/domain.exception';
import { LOCALES, resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import type { PageQuery } from '../common/pagination';
import type { CatalogCourseResponse, CatalogPage, CourseResponse } from './catalog.response';

/** Cohorts a catalog shows: people can still join them. */
const LISTED = ['open', 'running'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The language a course is shown in: the reader's when the course is written in it, else the first of Arabic,
 * English, French that it is written in.
 */
export function courseTextLocale(locales: readonly string[], requested: Locale): Locale {
  if (locales.includes(requested)) return requested;
  return LOCALES.find((l) => locales.includes(l)) ?? 'ar';
}

interface CourseRow {
  slug: string;
  title: LocalizedText;
  summary: LocalizedText;
  locales: Locale[] | null;
  module_count: number;
  lesson_count: string;
  exercise_count: string;
  upcoming_cohorts: string;
}

function toCatalogCourse(row: CourseRow, requested: Locale): CatalogCourseResponse {
  const locales = row.locales ?? [];
  const wanted = courseTextLocale(locales, requested);
  const title = resolveText(row.title, wanted);
  const textLocale = title.locale ?? wanted;
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    displayTitle: title.text,
    displaySummary: resolveText(row.summary, textLocale).text,
    textLocale,
    fallback: textLocale !== requested,
    locales,
    moduleCount: Number(row.module_count),
    lessonCount: Number(row.lesson_count),
    exerciseCount: Number(row.exercise_count),
    upcomingCohorts: Number(row.upcoming_cohorts),
  };
}

/** The counts come from the current version's content inside PostgreSQL, so no lesson text leaves the database. */
const COURSE_COLUMNS = `c.slug, c.title, c.summary, v.content->'locales' AS locales,
  jsonb_array_length(v.content->'modules') AS module_count,
  (SELECT COALESCE(sum(jsonb_array_length(m->'lessons')), 0) FROM jsonb_array_elements(v.content->'modules') m) AS lesson_count,
  (SELECT COALESCE(sum(jsonb_array_length(m->'exercises')), 0) FROM jsonb_array_elements(v.content->'modules') m) AS exercise_count,
  (SELECT count(*) FROM cohorts h WHERE h.course_id = c.id AND h.status IN ('open', 'running')) AS upcoming_cohorts`;

@Injectable()
export class CatalogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The public catalog: one count and one page query, sorted by the title the reader sees. */
  async list(page: PageQuery, locale: Locale): Promise<CatalogPage> {
    const manager = this.dataSource.manager;
    const [{ total }] = await manager.query<{ total: string }[]>(`SELECT count(*) AS total FROM courses WHERE current_version_id IS NOT NULL`);
    const rows: CourseRow[] = await manager.query(
      `SELECT ${COURSE_COLUMNS}
       FROM courses c JOIN course_versions v ON v.id = c.current_version_id
       ORDER BY COALESCE(NULLIF(c.title->>$1, ''), NULLIF(c.title->>'ar', ''), NULLIF(c.title->>'en', ''), c.title->>'fr'), c.slug
       OFFSET $2 LIMIT $3`,
      [locale, (page.page - 1) * page.pageSize, page.pageSize],
    );
    return { items: rows.map((r) => toCatalogCourse(r, locale)), total: Number(total), page: page.page, pageSize: page.pageSize };
  }

  /** One course's page: its current syllabus and the cohorts people can join — three queries. */
  async get(slug: string, locale: Locale): Promise<CourseResponse> {
    if (slug.length > 100 || !SLUG.test(slug)) throw new NotFoundException();
    const manager = this.dataSource.manager;
    const rows: (CourseRow & { id: string; version: number; content: CourseContent })[] = await manager.query(
      `SELECT c.id, v.version, v.content, ${COURSE_COLUMNS}
       FROM courses c JOIN course_versions v ON v.id = c.current_version_id WHERE c.slug = $1`,
      [slug],
    );
    const row = rows[0];
    if (!row) throw new NotFoundException();
    const course = toCatalogCourse(row, locale);
    const text = (value: LocalizedText) => resolveText(value, course.textLocale).text;
    const cohorts = await manager.find(Cohort, { where: { courseId: row.id, status: In([...LISTED]) }, order: { startsOn: 'ASC', id: 'ASC' } });
    const summaries = await cohortSummaries(manager, cohorts, locale);
    return {
      ...course,
      version: row.version,
      modules: row.content.modules.map((m) => ({
        key: m.key,
        title: text(m.title),
        summary: text(m.summary),
        lessons: m.lessons.map((l) => ({ key: l.key, title: text(l.title), duration: l.duration })),
        exercises: m.exercises.map((e) => ({ key: e.key, title: text(e.title), submissionKind: e.submissionKind })),
      })),
      completion: row.content.completion,
      cohorts: cohorts.map((c) => summaries.get(c.id)!.summary),
    };
  }
}
