import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COMMENT_KINDS, type CommentKind } from './feedback-comment.entity';
import { REVIEW_DECISIONS, type ReviewDecision } from './review.entity';

export class ReviewResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) scores: Record<string, string>;
  @ApiProperty({ description: 'Sum of the chosen levels’ points.' }) points: number;
  @ApiProperty() maxPoints: number;
  @ApiProperty() passMark: number;
  @ApiProperty() feedback: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) criterionFeedback: Record<string, string>;
  @ApiProperty({ enum: REVIEW_DECISIONS, nullable: true, type: String }) decision: ReviewDecision | null;
  @ApiProperty() released: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) releasedAt: string | null;
  @ApiProperty({ description: 'Every criterion scored and a decision taken: it may be released.' }) complete: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CommentAuthor {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class CommentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: COMMENT_KINDS }) kind: CommentKind;
  @ApiPropertyOptional({ type: String, nullable: true }) criterionKey: string | null;
  @ApiProperty({ description: 'Markdown.' }) body: string;
  @ApiProperty({ type: CommentAuthor }) author: CommentAuthor;
  @ApiProperty({ description: 'Written by the caller.' }) mine: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CommentList {
  @ApiProperty({ type: [CommentResponse] }) items: CommentResponse[];
}
