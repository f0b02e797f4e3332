import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsSafeText } from '../../common/text-rules';

export const MAX_DRAFT_CHARS = 50_000;

export class SaveDraftDto {
  @ApiProperty({ maxLength: MAX_DRAFT_CHARS, description: 'Markdown, as written (may be empty).' })
  @IsSafeText({ multiline: true })
  @MaxLength(MAX_DRAFT_CHARS)
  @IsString()
  text: string;
}

/** Multipart body of an upload (documentation only; the file is read from the stream). */
export class UploadFileBody {
  @ApiProperty({ type: 'string', format: 'binary', description: 'One file ≤ 10 MB: PDF, PNG, JPEG, WebP, DOCX, XLSX, PPTX, ODT, MP3, M4A, OGG, WAV or WebM audio.' })
  file: unknown;
}
