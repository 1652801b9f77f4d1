import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { idParamsSchema, versionParamsSchema } from '../common/schemas';
import { sendPdf } from '../core/send-pdf';
import { PdfQueryDto, PdfRenderDto } from './pdfs.schemas';
import { ApiErrors } from '../core/api-errors';
import { PdfsService } from './pdfs.service';

class CaseParams extends createZodDto(idParamsSchema) {}
class VersionParams extends createZodDto(versionParamsSchema) {}

@ApiTags('pdfs')
@Controller('cases/:id')
export class PdfsController {
  constructor(private readonly pdfs: PdfsService) {}

  @Get('pdf')
  @Can('cases:read')
  @ApiOperation({
    summary:
      'The approved POA as a PDF (<reference>-v<version>.pdf; variant amazon: -amazon.pdf, certificate: -certificate.pdf), or 202 with the render status',
  })
  @ApiErrors('VALIDATION_FAILED')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, with an ETag' })
  @ApiAcceptedResponse({ description: 'Not ready yet: {status: queued|rendering|failed, ...}', type: PdfRenderDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case, or nothing approved yet' })
  async approved(@Param() params: CaseParams, @Query() query: PdfQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPdf(await this.pdfs.approved(params.id, undefined, query.variant), req, res);
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
  @ApiOperation({
    summary:
      'A DRAFT-marked preview of any version; variant amazon: the clean copy for Amazon (DRAFT-marked until approved); certificate: an approved version only. The first request queues it (202)',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The preview PDF, with an ETag' })
  @ApiAcceptedResponse({ description: 'Queued or rendering', type: PdfRenderDto })
  async preview(@Param() params: VersionParams, @Query() query: PdfQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPdf(await this.pdfs.preview(params.id, params.version, query.variant), req, res);
  }
}
