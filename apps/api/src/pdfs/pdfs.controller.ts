import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { idParamsSchema, versionParamsSchema } from '../common/schemas';
import { sendPdf } from '../core/send-pdf';
import { PdfRenderDto } from './pdfs.schemas';
import { PdfsService } from './pdfs.service';

class CaseParams extends createZodDto(idParamsSchema) {}
class VersionParams extends createZodDto(versionParamsSchema) {}

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
