import { Body, Controller, Get, Param, Post, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { contentDisposition } from '../core/content-disposition';
import { idParamsSchema } from '../common/schemas';
import { Upload } from '../idempotency/upload';
import { AttachmentDto, AttachmentListDto, AttachmentParams, UploadFieldsDto } from './attachments.schemas';
import { AttachmentsService } from './attachments.service';
import { MAX_ATTACHMENT_BYTES } from './detect-file-type';

class IdParams extends createZodDto(idParamsSchema) {}

/** What multer's memory storage hands over. */
export interface UploadedEvidence {
  originalname: string;
  buffer: Buffer;
  size: number;
}

@ApiTags('attachments')
@Controller('cases/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @Can('cases:write')
  @Upload('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } })
  @ApiOperation({
    summary:
      'Upload evidence (multipart field "file", up to 20 MB; PDF, JPG, PNG or GIF judged by content); "evidenceKey" names the ' +
      'checklist item it provides',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        evidenceKey: { type: 'string', description: 'The evidence item the file provides (GET /cases/{id}/evidence)' },
      },
      example: { file: "supplier-invoice.pdf (the file's bytes)", evidenceKey: 'supplier_invoices' },
    },
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'STORAGE_FULL')
  @ZodResponse({ status: 201, type: AttachmentDto })
  upload(@Param() params: IdParams, @UploadedFile() file: UploadedEvidence | undefined, @Body() fields: UploadFieldsDto) {
    return this.attachments.upload(params.id, file, fields);
  }

  @Get()
  @Can('cases:read')
  @ApiOperation({ summary: 'Evidence files of the case' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: AttachmentListDto })
  list(@Param() params: IdParams) {
    return this.attachments.list(params.id);
  }

  @Get(':attachmentId')
  @Can('cases:read')
  @ApiOperation({ summary: 'Download a file' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/gif')
  @ApiOkResponse({ description: 'The file, with Content-Type and Content-Disposition', schema: { type: 'string', format: 'binary' } })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async download(@Param() params: AttachmentParams, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.attachments.download(params.id, params.attachmentId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: contentDisposition(file.fileName),
      length: file.data.length,
    });
  }
}
