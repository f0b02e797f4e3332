import { ApiProperty } from '@nestjs/swagger';
import type { CompletionRule } from '@halaqa/courses';
import { CohortSummaryResponse } from '../cohorts/cohort.response';
import { LOCALES, type Locale, type LocalizedText } from '../common/localized-text';
import { LocalizedTextResponse } from '../organizations/organization.response';

export class CatalogCourseResponse {
  @ApiProperty({ example: 'public-narrative' }) slug: string;
  @ApiProperty({ type: LocalizedTextResponse }) title: LocalizedText;
  @ApiProperty({ type: LocalizedTextResponse }) summary: LocalizedText;
  @ApiProperty({ description: 'Title in `textLocale`.' }) displayTitle: string;
  @ApiProperty({ description: 'Summary in `textLocale`.' }) displaySummary: string;
  @ApiProperty({ enum: LOCALES, description: 'The language the course is shown in: the reader’s when the course is written in it, else Arabic, English, French.' })
  textLocale: Locale;
  @ApiProperty({ description: 'True when `textLocale` is not the language the reader asked for (a page says so).' }) fallback: boolean;
  @ApiProperty({ enum: LOCALES, isArray: true, description: 'Languages the course is fully written in.' }) locales: Locale[];
  @ApiProperty() moduleCount: number;
  @ApiProperty() lessonCount: number;
  @ApiProperty() exerciseCount: number;
  @ApiProperty({ description: 'Cohorts open or running (not drafts, not completed).' }) upcomingCohorts: number;
}

export class CatalogPage {
  @ApiProperty({ type: [CatalogCourseResponse] }) items: CatalogCourseResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class SyllabusLessonResponse {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'In `textLocale`.' }) title: string;
  @ApiProperty({ description: 'Minutes' }) duration: number;
}

export class SyllabusExerciseResponse {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'In `textLocale`.' }) title: string;
  @ApiProperty({ enum: ['text', 'file', 'both'] }) submissionKind: 'text' | 'file' | 'both';
}

export class SyllabusModuleResponse {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'In `textLocale`.' }) title: string;
  @ApiProperty({ description: 'In `textLocale`.' }) summary: string;
  @ApiProperty({ type: [SyllabusLessonResponse] }) lessons: SyllabusLessonResponse[];
  @ApiProperty({ type: [SyllabusExerciseResponse] }) exercises: SyllabusExerciseResponse[];
}

export class CompletionRuleResponse {
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Share of circle sessions attended (present or late).' }) minAttendancePercent: number;
  @ApiProperty({ oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'string' } }], description: '`all`, or the keys of the exercises to pass.' })
  requiredExercises: 'all' | string[];
  @ApiProperty() finalReview: boolean;
}

export class CourseResponse extends CatalogCourseResponse {
  @ApiProperty({ description: 'The current version’s number.' }) version: number;
  @ApiProperty({ type: [SyllabusModuleResponse] }) modules: SyllabusModuleResponse[];
  @ApiProperty({ type: CompletionRuleResponse }) completion: CompletionRule;
  @ApiProperty({ type: [CohortSummaryResponse], description: 'Open and running cohorts, soonest first.' }) cohorts: CohortSummaryResponse[];
}
