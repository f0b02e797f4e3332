import { ApiProperty } from '@nestjs/swagger';

export class PeerAuthor {
  @ApiProperty() nameLatin: string;
  @ApiProperty() nameArabic: string;
}

/** A circle-mate's passed work on an assignment (never the review, never an email). */
export class PeerWorkItem {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ description: 'The version whose released review passed.' }) versionNumber: number;
  @ApiProperty({ type: PeerAuthor }) author: PeerAuthor;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class PeerFile {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() originalName: string;
  @ApiProperty() mediaType: string;
  @ApiProperty() sizeBytes: number;
}

export class PeerCommentAuthor {
  @ApiProperty() displayName: string;
}

export class PeerComment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: PeerCommentAuthor }) author: PeerCommentAuthor;
  @ApiProperty({ description: 'Markdown.' }) body: string;
  @ApiProperty({ type: String, nullable: true }) criterionKey: string | null;
  @ApiProperty({ description: 'Written by the caller.' }) mine: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A circle-mate's passed version as a peer reads it: text, files, peer comments; no review, no scores, no thread. */
export class PeerWorkResponse {
  @ApiProperty({ format: 'uuid' }) submissionId: string;
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ type: PeerAuthor }) author: PeerAuthor;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ description: 'Markdown as submitted.' }) text: string;
  @ApiProperty({ type: [PeerFile] }) files: PeerFile[];
  @ApiProperty({ type: [PeerComment], description: 'Peer comments only, oldest first.' }) comments: PeerComment[];
}
