import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { BatchResponse, CertificateSummary } from '../certificates/certificate.response';
import { Trim } from '../common/text-rules';

export class CompletionRuleResponse {
  @ApiProperty({ minimum: 0, maximum: 100 }) minAttendancePercent: number;
  @ApiProperty({ oneOf: [{ type: 'string', enum: ['all'] }, { type: 'array', items: { type: 'string' } }], description: '`all` or exercise keys.' })
  requiredExercises: 'all' | string[];
  @ApiProperty() finalReview: boolean;
}

class PrintedText {
  @ApiPropertyOptional() ar?: string;
  @ApiPropertyOptional() en?: string;
  @ApiPropertyOptional() fr?: string;
}

class SignatorySettings {
  @ApiProperty({ maxLength: 120 }) name: string;
  @ApiProperty({ type: PrintedText }) title: PrintedText;
}

export class CertificateSettingsResponse {
  @ApiProperty({ enum: ['en', 'fr'] }) secondaryLocale: 'en' | 'fr';
  @ApiProperty({ type: PrintedText, description: 'Empty: the platform’s issuer name.' }) issuerName: PrintedText;
  @ApiProperty({ type: [SignatorySettings], description: 'Up to 3; empty: the cohort’s lead trainers.' }) signatories: SignatorySettings[];
}

class TraineeRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
  @ApiProperty() nameLatin: string;
  @ApiProperty() nameArabic: string;
}

class CircleRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'In the caller’s language, with fallback.' }) name: string;
}

class AttendanceProgress {
  @ApiProperty({ description: 'Sessions held while a member, over every circle of the cohort.' }) held: number;
  @ApiProperty({ description: 'Present or late.' }) attended: number;
  @ApiProperty({ type: Number, nullable: true, description: 'attended / held, 0–1; null before any session was held.' }) rate: number | null;
  @ApiProperty() met: boolean;
}

class AssignmentsProgress {
  @ApiProperty() required: number;
  @ApiProperty() passed: number;
  @ApiProperty() met: boolean;
}

class FinalReviewProgress {
  @ApiProperty({ description: 'The rule asks for a final review.' }) required: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Null: not recorded yet.' }) passed: boolean | null;
  @ApiProperty() note: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty() met: boolean;
}

export class Progress {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ type: TraineeRef }) trainee: TraineeRef;
  @ApiProperty({ enum: ['active', 'completed'] }) status: string;
  @ApiProperty({ type: CircleRef, nullable: true, description: 'The current circle.' }) circle: CircleRef | null;
  @ApiProperty({ type: AttendanceProgress }) attendance: AttendanceProgress;
  @ApiProperty({ type: AssignmentsProgress }) assignments: AssignmentsProgress;
  @ApiProperty({ type: FinalReviewProgress }) finalReview: FinalReviewProgress;
  @ApiProperty({ description: 'Active or completed, and every rule met.' }) eligible: boolean;
  @ApiProperty({ type: CertificateSummary, nullable: true }) certificate: CertificateSummary | null;
}

class RequiredAssignmentRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() exerciseKey: string;
  @ApiProperty({ description: 'In the caller’s language, with fallback.' }) title: string;
}

class CompletionCounts {
  @ApiProperty() trainees: number;
  @ApiProperty() eligible: number;
  @ApiProperty() issued: number;
  @ApiProperty() revoked: number;
}

export class CohortCompletion {
  @ApiProperty({ type: CompletionRuleResponse }) rule: CompletionRuleResponse;
  @ApiProperty({ type: [RequiredAssignmentRef] }) requiredAssignments: RequiredAssignmentRef[];
  @ApiProperty({ type: CertificateSettingsResponse }) settings: CertificateSettingsResponse;
  @ApiProperty({ type: BatchResponse, nullable: true }) latestBatch: BatchResponse | null;
  @ApiProperty({ type: CompletionCounts, description: 'Over every trainee in the caller’s scope, before filters.' }) counts: CompletionCounts;
  @ApiProperty({ type: [Progress], description: 'Sorted by display name.' }) items: Progress[];
}

class AssignmentStatusItem {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty() exerciseKey: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['not_started', 'draft', 'submitted', 'returned', 'passed'] }) status: string;
  @ApiProperty() required: boolean;
}

class AssignmentsDetail extends AssignmentsProgress {
  @ApiProperty({ type: [AssignmentStatusItem], description: 'Every assignment of the cohort, in course order.' }) items: AssignmentStatusItem[];
}

export class EnrollmentProgress extends Progress {
  @ApiProperty({ type: CompletionRuleResponse }) rule: CompletionRuleResponse;
  @ApiProperty({ type: AssignmentsDetail }) declare assignments: AssignmentsDetail;
}

export class CompletionQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only the eligible (true) or the not yet eligible (false).' })
  @IsOptional()
  @IsIn(['true', 'false'], { context: { values: 'true, false' } })
  eligible?: 'true' | 'false';

  @ApiPropertyOptional({ maxLength: 200, description: 'Name contains (Latin or Arabic).' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200, { context: { max: 200 } })
  q?: string;
}
