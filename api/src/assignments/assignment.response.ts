import { ApiProperty } from '@nestjs/swagger';
import type { RubricCriterion, SubmissionKind } from '@halaqa/courses';
import { resolveText, type Locale, type LocalizedText } from '../common/localized-text';
import { LocalizedTextResponse } from '../organizations/organization.response';
import { LATE_POLICIES, type Assignment, type LatePolicy } from './assignment.entity';

export const TRAINEE_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'passed'] as const;
export type TraineeStatus = (typeof TRAINEE_STATUSES)[number];

export class RubricLevelResponse {
  @ApiProperty() key: string;
  @ApiProperty() points: number;
  @ApiProperty({ type: LocalizedTextResponse }) label: LocalizedText;
  @ApiProperty({ type: LocalizedTextResponse }) description: LocalizedText;
}

export class RubricCriterionResponse {
  @ApiProperty() key: string;
  @ApiProperty({ type: LocalizedTextResponse }) title: LocalizedText;
  @ApiProperty({ type: [RubricLevelResponse] }) levels: RubricLevelResponse[];
}

/** One assignment; for a trainee, with their own status and due date. */
export class AssignmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() moduleKey: string;
  @ApiProperty() exerciseKey: string;
  @ApiProperty({ description: 'Course order (module, then exercise).' }) position: number;
  @ApiProperty({ type: LocalizedTextResponse }) title: LocalizedText;
  @ApiProperty({ description: 'Title in the language of Accept-Language.' }) displayTitle: string;
  @ApiProperty({ type: LocalizedTextResponse, description: 'Markdown per locale.' }) instructions: LocalizedText;
  @ApiProperty({ description: 'Instructions (Markdown) in the language of Accept-Language.' }) displayInstructions: string;
  @ApiProperty({ type: [RubricCriterionResponse] }) rubric: RubricCriterionResponse[];
  @ApiProperty() passMark: number;
  @ApiProperty({ description: 'Sum of the best level of each criterion.' }) maxPoints: number;
  @ApiProperty({ enum: ['text', 'file', 'both'] }) submissionKind: SubmissionKind;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ enum: LATE_POLICIES }) latePolicy: LatePolicy;
  @ApiProperty({ format: 'date-time', description: 'The caller’s own due date (their extension, if any); `dueAt` for staff.' }) effectiveDueAt: string;
  @ApiProperty({
    enum: TRAINEE_STATUSES,
    nullable: true,
    type: String,
    description: 'The caller’s own status (trainees); null for staff.',
  })
  status: TraineeStatus | null;
  @ApiProperty({ description: 'Trainee: the latest version was late, or nothing is submitted and the effective due date has passed. False for staff.' })
  late: boolean;
  @ApiProperty({ description: 'The caller may edit it and grant extensions (lead trainers, admins).' }) canManage: boolean;
}

export class AssignmentList {
  @ApiProperty({ type: [AssignmentResponse] }) items: AssignmentResponse[];
}

export class InstantiateResponse {
  @ApiProperty({ description: 'How many assignments were created now (0 when all existed).' }) created: number;
  @ApiProperty({ type: [AssignmentResponse] }) items: AssignmentResponse[];
}

export class ExtensionResponse {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class ExtensionTraineeResponse {
  @ApiProperty({ description: 'Name in Latin script; may be empty.' }) nameLatin: string;
  @ApiProperty({ description: 'Name in Arabic script; may be empty.' }) nameArabic: string;
}

/** One trainee's extension, as listed for the cohort's managers. */
export class ExtensionListItem {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: ExtensionTraineeResponse }) user: ExtensionTraineeResponse;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) grantedAt: string;
}

export function maxPointsOf(rubric: RubricCriterion[]): number {
  return rubric.reduce((sum, c) => sum + Math.max(0, ...c.levels.map((l) => l.points)), 0);
}

export interface TraineeView {
  status: TraineeStatus;
  effectiveDueAt: Date;
  late: boolean;
}

export function toAssignmentResponse(a: Assignment, locale: Locale, canManage: boolean, trainee: TraineeView | null): AssignmentResponse {
  return {
    id: a.id,
    cohortId: a.cohortId,
    moduleKey: a.moduleKey,
    exerciseKey: a.exerciseKey,
    position: a.position,
    title: a.title,
    displayTitle: resolveText(a.title, locale).text,
    instructions: a.instructions,
    displayInstructions: resolveText(a.instructions, locale).text,
    rubric: a.rubric,
    passMark: a.passMark,
    maxPoints: maxPointsOf(a.rubric),
    submissionKind: a.submissionKind,
    dueAt: a.dueAt.toISOString(),
    latePolicy: a.latePolicy,
    effectiveDueAt: (trainee?.effectiveDueAt ?? a.dueAt).toISOString(),
    status: trainee?.status ?? null,
    late: trainee?.late ?? false,
    canManage,
  };
}
