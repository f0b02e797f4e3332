import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsSafeText, Omittable, Trim } from '../../common/text-rules';
import { COMMENT_KINDS, type CommentKind } from '../feedback-comment.entity';
import { REVIEW_DECISIONS, type ReviewDecision } from '../review.entity';

export const MAX_FEEDBACK = 20_000;
export const MAX_CRITERION_FEEDBACK = 5_000;
export const MAX_COMMENT = 5_000;

export class SaveReviewDto {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, example: { choice: 'proficient' }, description: 'Criterion key → level key of the assignment’s rubric; may be partial in a draft.' })
  @IsObject()
  scores: Record<string, string>;

  @ApiProperty({ maxLength: MAX_FEEDBACK, description: 'Overall feedback, Markdown, any language.' })
  @IsString()
  @IsSafeText({ multiline: true })
  @MaxLength(MAX_FEEDBACK, { context: { max: MAX_FEEDBACK } })
  feedback: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Feedback per criterion key, Markdown.' })
  @Omittable()
  @IsObject()
  criterionFeedback?: Record<string, string>;

  @ApiPropertyOptional({ enum: REVIEW_DECISIONS, nullable: true })
  @IsOptional()
  @IsIn(REVIEW_DECISIONS)
  decision?: ReviewDecision | null;
}

export class CreateCommentDto {
  @ApiProperty({ maxLength: MAX_COMMENT, description: 'Markdown; sanitized when shown.' })
  @Trim()
  @IsString()
  @IsSafeText({ multiline: true })
  @MaxLength(MAX_COMMENT, { context: { max: MAX_COMMENT } })
  body: string;

  @ApiPropertyOptional({ description: 'A criterion key of the assignment’s rubric, when the comment is about one.', maxLength: 100 })
  @Omittable()
  @IsString()
  @MaxLength(100, { context: { max: 100 } })
  criterionKey?: string;

  @ApiPropertyOptional({ enum: COMMENT_KINDS, default: 'thread', description: '`peer`: a circle-mate on released, passed work.' })
  @Omittable()
  @IsIn(COMMENT_KINDS)
  kind?: CommentKind;
}
