import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { Can } from '../auth/access.decorators';
import { idParamsSchema, versionParamsSchema } from '../common/schemas';
import { PdfsService, type PdfAnswer } from './pdfs.service';

export const pdfRenderSchema = z.object({
  status: z.enum(['queued', 'rendering', 'ready', 'failed']),
  version: z.number().int(),
  kind: z.enum(['final', 'preview']),
  error: z.string().nullable(),
  sha256: z.string().nullable(),
  size: z.number().nullable(),
  pageCount: z.number().nullable(),
  renderMs: z.number().nullable(),
  readyAt: z.string().nullable(),
});
export class PdfRenderDto extends createZodDto(pdfRenderSchema) {}
class CaseParams extends createZodDto(idParamsSchema) {}
class VersionParams extends createZodDto(versionParamsSchema) {}

/**
 * Sends the PDF (200 with ETag, 304 when unchanged) or 202 with the render's status while it is not ready. Like
 * every API answer it is Cache-Control: no-store (a browser keeps no copy of a client's plan); a client that
 * keeps its own copy revalidates it with If-None-Match.
 */
export function sendPdf(answer: PdfAnswer, req: Request, res: Response): void {
  if (!answer.ready) {
    res.status(202).json(answer.render);
    return;
  }
  res.setHeader('ETag', answer.etag);
  if (req.headers['if-none-match'] === answer.etag) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename="${answer.fileName}"`);
  res.setHeader('Content-Length', String(answer.file.length));
  res.status(200).end(answer.file);
}

@ApiTags('pdfs')
@Controller('cases/:id')
export class PdfsController {
  constructor(private readonly pdfs: PdfsService) {}

  @Get('pdf')
  @Can('cases:read')
  @ApiOperation({ summary: 'The approved POA as a PDF (<reference>-v<version>.pdf), or 202 with the render status' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, with an ETag' })
  @ApiAcceptedResponse({ description: 'Not ready yet: {status: queued|rendering|failed, ...}', type: PdfRenderDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case, or nothing approved yet' })
  async approved(@Param() params: CaseParams, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPdf(await this.pdfs.approved(params.id), req, res);
  }

  @Post('pdf/retry')
  @HttpCode(202)
  @Can('cases:write')
  @ApiOperation({ summary: 'Queue a failed render of the approved version again' })
  @ZodResponse({ status: 202, type: PdfRenderDto })
  retry(@Param() params: CaseParams) {
    return this.pdfs.retry(params.id);
  }

  @Get('drafts/:version/pdf')
  @Can('cases:read')
  @ApiOperation({ summary: 'A DRAFT-marked preview of any version; the first request queues it (202)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The preview PDF, with an ETag' })
  @ApiAcceptedResponse({ description: 'Queued or rendering', type: PdfRenderDto })
  async preview(@Param() params: VersionParams, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPdf(await this.pdfs.preview(params.id, params.version), req, res);
  }
}
