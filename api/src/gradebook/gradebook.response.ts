import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../common/pagination';
import { IsSafeText } from '../common/text-rules';

export const CELL_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'passed'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export class GradebookQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only trainees currently in this circle.' })
  @IsOptional()
  @IsUUID()
  circleId?: string;

  @ApiPropertyOptional({ enum: CELL_STATUSES, description: 'Only trainees with at least one assignment in this status.' })
  @IsOptional()
  @IsIn(CELL_STATUSES)
  status?: CellStatus;

  @ApiPropertyOptional({ maxLength: 100, description: 'Part of a name or email.' })
  @IsOptional()
  @IsString()
  @IsSafeText()
  @MaxLength(100, { context: { max: 100 } })
  q?: string;
}

export class CsvQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() circleId?: string;
  @ApiPropertyOptional({ enum: CELL_STATUSES }) @IsOptional() @IsIn(CELL_STATUSES) status?: CellStatus;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @IsSafeText() @MaxLength(100, { context: { max: 100 } }) q?: string;
}

export class QueueQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() cohortId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() circleId?: string;
}

export class MyGradebookQuery {
  @ApiProperty({ format: 'uuid' }) @IsUUID() cohortId: string;
}

export class GradebookColumn {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() position: number;
  @ApiProperty() maxPoints: number;
  @ApiProperty() passMark: number;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

export class GradebookCell {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ enum: CELL_STATUSES }) status: CellStatus;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Points of the released review of the latest version.' }) points: number | null;
  @ApiProperty() passed: boolean;
  @ApiProperty({ description: 'The latest version was submitted late.' }) late: boolean;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) submissionId: string | null;
}

export class GradebookCircle {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

export class GradebookRow {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() displayName: string;
  @ApiProperty() email: string;
  @ApiPropertyOptional({ type: GradebookCircle, nullable: true }) circle: GradebookCircle | null;
  @ApiProperty({ type: [GradebookCell], description: 'One per column, in column order.' }) cells: GradebookCell[];
  @ApiProperty() passedCount: number;
}

export class GradebookPage {
  @ApiProperty({ type: [GradebookColumn] }) columns: GradebookColumn[];
  @ApiProperty({ type: [GradebookRow] }) items: GradebookRow[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class MyGradebook {
  @ApiProperty({ type: [GradebookColumn] }) columns: GradebookColumn[];
  @ApiProperty({ type: GradebookRow }) row: GradebookRow;
}

export class QueueItem {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty() late: boolean;
  @ApiProperty({ description: 'A review of this version is saved but not released.' }) hasDraftReview: boolean;
  @ApiProperty({ type: GradebookCircle }) assignment: GradebookCircle;
  @ApiProperty({ type: GradebookCircle }) trainee: GradebookCircle;
  @ApiProperty({ type: GradebookCircle }) cohort: GradebookCircle;
  @ApiPropertyOptional({ type: GradebookCircle, nullable: true }) circle: GradebookCircle | null;
}

export class QueuePage {
  @ApiProperty({ type: [QueueItem] }) items: QueueItem[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

