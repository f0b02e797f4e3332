import { ApiProperty } from '@nestjs/swagger';
import { REVIEW_DECISIONS, type ReviewDecision } from '../reviews/review.entity';
import type { SubmissionFile } from '../files/submission-file.entity';
import { SUBMISSION_STATUSES, type SubmissionStatus } from './submission.entity';

export class SubmissionFileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The name the trainee gave it.' }) originalName: string;
  @ApiProperty({ description: 'The type found in its content.' }) mediaType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ example: '/api/files/2f0c…', description: 'Download path (attachment).' }) url: string;
}

export class VersionReviewResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Criterion key → level key.' }) scores: Record<string, string>;
  @ApiProperty() points: number;
  @ApiProperty({ description: 'Markdown.' }) feedback: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) criterionFeedback: Record<string, string>;
  @ApiProperty({ enum: REVIEW_DECISIONS, nullable: true, type: String }) decision: ReviewDecision | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null: not released (only staff see it).' }) releasedAt: string | null;
}

export class SubmissionVersionResponse {
  @ApiProperty({ description: '1, 2, … in order of submission.' }) number: number;
  @ApiProperty({ description: 'Markdown as submitted.' }) text: string;
  @ApiProperty() late: boolean;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: [SubmissionFileResponse] }) files: SubmissionFileResponse[];
  @ApiProperty({ type: VersionReviewResponse, nullable: true, description: 'The trainee sees it only once released; staff always.' }) review: VersionReviewResponse | null;
}

export class SubmissionTraineeRef {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty() displayName: string;
}

/** One trainee's work on one assignment. */
export class SubmissionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ type: SubmissionTraineeRef }) trainee: SubmissionTraineeRef;
  @ApiProperty({ enum: SUBMISSION_STATUSES }) status: SubmissionStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The draft (Markdown); only its author sees it, null for staff.' }) draftText: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) draftSavedAt: string | null;
  @ApiProperty({ type: [SubmissionFileResponse], description: 'Files attached to the draft (empty for staff).' }) draftFiles: SubmissionFileResponse[];
  @ApiProperty({ description: 'Number of the newest version (0 before the first).' }) latestVersion: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiProperty({ format: 'date-time', description: 'The trainee’s due date (extension included).' }) effectiveDueAt: string;
  @ApiProperty({ type: [SubmissionVersionResponse], description: 'Oldest first.' }) versions: SubmissionVersionResponse[];
}

export function toFileResponse(f: SubmissionFile): SubmissionFileResponse {
  return { id: f.id, originalName: f.originalName, mediaType: f.mediaType, sizeBytes: f.sizeBytes, createdAt: f.createdAt.toISOString(), url: `/api/files/${f.id}` };
}
