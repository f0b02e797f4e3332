import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Access, CurrentCaller, type Caller } from '../access/access.decorator';
import { DomainException, ValidationFailedException } from '../common/domain.exception';
import { ApiProblems } from '../common/problem.response';
import { Ctx, type RequestContext } from '../common/request-context';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { MAX_FILE_BYTES, cleanFileName } from '../files/file-types';
import { SaveDraftDto, UploadFileBody } from './dto/submission.dto';
import { SubmissionFileResponse, SubmissionResponse } from './submission.response';
import { SubmissionsService, type Upload } from './submissions.service';

/** What @fastify/multipart adds to a request (its type augmentation targets another copy of fastify in this tree). */
type MultipartRequest = FastifyRequest & {
  isMultipart(): boolean;
  file(options?: { limits?: { fileSize?: number; files?: number } }): Promise<MultipartFile | undefined>;
};

const OWN = 'The caller’s own (a trainee of the cohort); anyone else gets 404.';

/** The one file of a multipart upload, read whole (≤ 10 MB), as a localized problem when it is not there or too big. */
async function readUpload(request: MultipartRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new DomainException(415, 'request.unsupported_media_type', 'errors.unsupported_media_type');
  let part: MultipartFile | undefined;
  try {
    part = await request.file({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } });
  } catch {
    throw new DomainException(400, 'request.bad_request', 'errors.bad_request');
  }
  if (!part) throw new ValidationFailedException([{ field: 'file', code: 'required', messageKey: 'required' }]);
  let data: Buffer;
  try {
    data = await part.toBuffer();
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainException(413, 'file.too_large', 'errors.file_too_large', { megabytes: MAX_FILE_BYTES / 1024 / 1024 });
    throw new DomainException(400, 'request.bad_request', 'errors.bad_request');
  }
  if (data.length === 0) throw new ValidationFailedException([{ field: 'file', code: 'required', messageKey: 'required' }]);
  return { fileName: cleanFileName(part.filename ?? ''), data };
}

@ApiProblems()
@ApiTags('submissions')
@ApiBearerAuth()
@Controller('assignments/:id/submission')
export class OwnSubmissionController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: SubmissionResponse, description: `Created empty on first read: draft, draft files, versions with their files and released reviews. ${OWN}` })
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<SubmissionResponse> {
    return this.submissions.getOwn(caller, id);
  }

  @Put('draft')
  @Access('authenticated')
  @ApiOkResponse({ type: SubmissionResponse, description: `Saves the draft text (Markdown ≤ 50,000 characters); never touches versions. ${OWN}` })
  saveDraft(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Body() dto: SaveDraftDto): Promise<SubmissionResponse> {
    return this.submissions.saveDraft(caller, id, dto);
  }

  @Post('files')
  @Access('authenticated')
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadFileBody })
  @ApiCreatedResponse({
    type: SubmissionFileResponse,
    description: `Attaches one file (≤ 10 MB: 413) to the draft, at most 5 (409 \`file.too_many\`); its type is sniffed from the content: not on the list, or a name whose extension says otherwise: 415. ${OWN}`,
  })
  async upload(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Req() request: MultipartRequest, @Ctx() ctx: RequestContext): Promise<SubmissionFileResponse> {
    const upload = await readUpload(request);
    return this.submissions.uploadFile(caller, id, upload, ctx);
  }

  @Delete('files/:fileId')
  @HttpCode(204)
  @Access('authenticated')
  @ApiNoContentResponse({ description: `Removes a draft file (a submitted version’s files stay: 404). ${OWN}` })
  deleteFile(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Param('fileId', UuidParamPipe) fileId: string, @Ctx() ctx: RequestContext): Promise<void> {
    return this.submissions.deleteFile(caller, id, fileId, ctx);
  }

  @Post('submit')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({
    type: SubmissionResponse,
    description: `Freezes the draft into the next version; status → submitted. 422 when the kind needs text or a file that is missing; 409 when already submitted or passed, or after the due date under \`close\` (\`assignment.closed\`). ${OWN}`,
  })
  submit(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Ctx() ctx: RequestContext): Promise<SubmissionResponse> {
    return this.submissions.submit(caller, id, ctx);
  }
}

@ApiProblems()
@ApiTags('submissions')
@ApiBearerAuth()
@Controller('submissions')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: SubmissionResponse, description: 'Staff read (no draft): coaches of the trainee’s current circle, lead trainers of the cohort, admins; others get 404.' })
  get(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string): Promise<SubmissionResponse> {
    return this.submissions.getForStaff(caller, id);
  }
}

@ApiProblems()
@ApiTags('submissions')
@ApiBearerAuth()
@Controller('files')
export class FilesController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get(':id')
  @Access('authenticated')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'Downloads an attachment (`Content-Disposition: attachment`, its sniffed type, `nosniff`), scoped like its version: its author, staff who may review it, circle-mates once passed and released; others get 404.',
  })
  async download(@CurrentCaller() caller: Caller, @Param('id', UuidParamPipe) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const file = await this.submissions.download(caller, id);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Cache-Control', 'private, no-store');
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return new StreamableFile(file.stream, {
      type: file.mediaType,
      length: file.sizeBytes,
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }
}
