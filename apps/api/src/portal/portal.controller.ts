import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Can, Public } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { contentDisposition } from '../core/content-disposition';
import { sendPdf } from '../core/send-pdf';
import { PdfQueryDto, PdfRenderDto } from '../pdfs/pdfs.schemas';
import { PdfsService } from '../pdfs/pdfs.service';
import type { UploadedEvidence } from '../attachments/attachments.controller';
import { MAX_ATTACHMENT_BYTES } from '../attachments/detect-file-type';
import { Upload } from '../idempotency/upload';
import {
  PortalAgencyDto,
  PortalAttachmentParams,
  PortalApproveDto,
  PortalCaseDto,
  PortalCaseListQueryDto,
  PortalCaseParams,
  PortalCasePageDto,
  PortalCommentDto,
  PortalCommentListQueryDto,
  PortalCommentPageDto,
  PortalEvidenceListDto,
  PortalEvidenceRequestsDto,
  PortalUploadedDto,
  PortalUploadFieldsDto,
  PortalCreateCommentDto,
  PortalMeDto,
  PortalRequestChangesDto,
  PortalTransitionResultDto,
  PortalVersionParams,
} from './portal.schemas';
import { PortalService } from './portal.service';

/** The client portal API: portal access tokens only (POST /portal/session); another client's or agency's case is 404. */
@ApiTags('portal')
@Controller('portal')
export class PortalController {
  constructor(
    private readonly portal: PortalService,
    private readonly pdfs: PdfsService,
  ) {}

  @Get('agencies/:id')
  @Public()
  @ApiOperation({
    summary: 'An agency’s name, logo and colour for its portal’s log-in page (the id is the one in its portal links)',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: PortalAgencyDto })
  agency(@Param() params: PortalCaseParams) {
    return this.portal.agency(params.id);
  }

  @Get('me')
  @Can('portal')
  @ApiOperation({ summary: 'The logged-in contact, their client and the agency’s branding' })
  @ZodResponse({ status: 200, type: PortalMeDto })
  me() {
    return this.portal.me();
  }

  @Get('cases')
  @Can('portal')
  @ApiOperation({ summary: 'Your cases in client review or later (and any with an approved version), most recently changed first' })
  @ApiErrors('VALIDATION_FAILED')
  @ZodResponse({ status: 200, type: PortalCasePageDto })
  list(@Query() query: PortalCaseListQueryDto) {
    return this.portal.list(query);
  }

  @Get('evidence-requests')
  @Can('portal')
  @ApiOperation({ summary: 'Your open cases with documents the agency still needs from you' })
  @ZodResponse({ status: 200, type: PortalEvidenceRequestsDto })
  evidenceRequests() {
    return this.portal.evidenceRequests();
  }

  @Get('cases/:id/evidence')
  @Can('portal')
  @ApiOperation({ summary: 'Documents we need from you: the evidence items of the case asked of the client, and what you sent' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: PortalEvidenceListDto })
  evidence(@Param() params: PortalCaseParams) {
    return this.portal.evidenceList(params.id);
  }

  @Post('cases/:id/attachments')
  @Can('portal')
  @Upload('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } })
  @ApiOperation({
    summary: 'Send a document asked of you (multipart: "file" up to 20 MB, PDF, JPG, PNG or GIF by content; "evidenceKey")',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'evidenceKey'],
      properties: { file: { type: 'string', format: 'binary' }, evidenceKey: { type: 'string' } },
      example: { file: "supplier-invoice.pdf (the file's bytes)", evidenceKey: 'supplier_invoices' },
    },
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'STORAGE_FULL')
  @ZodResponse({ status: 201, type: PortalUploadedDto })
  upload(@Param() params: PortalCaseParams, @UploadedFile() file: UploadedEvidence | undefined, @Body() fields: PortalUploadFieldsDto) {
    return this.portal.uploadEvidence(params.id, file, fields.evidenceKey);
  }

  @Get('cases/:id')
  @Can('portal')
  @ApiOperation({
    summary: 'One case: the draft under review (or the approved one) laid out as the PDF, approval proof, PDF status, approved versions',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: PortalCaseDto })
  get(@Param() params: PortalCaseParams) {
    return this.portal.get(params.id);
  }

  @Get('cases/:id/comments')
  @Can('portal')
  @ApiOperation({ summary: 'Shared comments of the case, oldest first (internal notes of the agency never appear)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: PortalCommentPageDto })
  comments(@Param() params: PortalCaseParams, @Query() query: PortalCommentListQueryDto) {
    return this.portal.listComments(params.id, query);
  }

  @Post('cases/:id/comments')
  @Can('portal')
  @ApiOperation({ summary: 'Add a comment; the agency sees it (it is shared)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 201, type: PortalCommentDto })
  addComment(@Param() params: PortalCaseParams, @Body() body: PortalCreateCommentDto) {
    return this.portal.addComment(params.id, body);
  }

  @Post('cases/:id/approve')
  @HttpCode(200)
  @Can('portal')
  @ApiOperation({
    summary:
      'Approve the version under review; the typed full name, time, IP and content hash become the proof. The final PDF is then rendered.',
  })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'VERSION_CONFLICT', 'INVALID_TRANSITION')
  @ZodResponse({ status: 200, type: PortalTransitionResultDto })
  approve(@Param() params: PortalCaseParams, @Body() body: PortalApproveDto) {
    return this.portal.approve(params.id, body);
  }

  @Post('cases/:id/request-changes')
  @HttpCode(200)
  @Can('portal')
  @ApiOperation({ summary: 'Send the draft back with a comment (required; shared with the agency)' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'INVALID_TRANSITION')
  @ZodResponse({ status: 200, type: PortalTransitionResultDto })
  requestChanges(@Param() params: PortalCaseParams, @Body() body: PortalRequestChangesDto) {
    return this.portal.requestChanges(params.id, body.comment);
  }

  @Get('cases/:id/attachments/:attachmentId')
  @Can('portal')
  @ApiOperation({ summary: 'An evidence file cited in the draft you are shown (supportingDocuments[].attachmentId)' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/gif')
  @ApiOkResponse({ description: 'The file, with Content-Type and Content-Disposition', schema: { type: 'string', format: 'binary' } })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  async attachment(@Param() params: PortalAttachmentParams, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.portal.attachment(params.id, params.attachmentId);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(file.data, {
      type: file.contentType,
      disposition: contentDisposition(file.fileName),
      length: file.data.length,
    });
  }

  @Get('cases/:id/pdf')
  @Can('portal')
  @ApiOperation({
    summary:
      'The approved POA as a PDF (variant amazon: the copy for Amazon; certificate: the approval alone), or 202 while it is rendered',
  })
  @ApiErrors('VALIDATION_FAILED')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, with an ETag' })
  @ApiAcceptedResponse({ description: 'Not ready yet: {status: queued|rendering|failed, ...}', type: PdfRenderDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case of yours, or nothing approved yet' })
  async pdf(@Param() params: PortalCaseParams, @Query() query: PdfQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPdf(await this.pdfs.approved(params.id, this.portal.clientId(), query.variant), req, res);
  }

  @Get('cases/:id/versions/:version/pdf')
  @Can('portal')
  @ApiOperation({
    summary: 'The final PDF of an earlier approved version (variant as for the approved one), or 202 with its render status',
  })
  @ApiErrors('VALIDATION_FAILED')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF, with an ETag' })
  @ApiAcceptedResponse({ description: 'Not ready yet', type: PdfRenderDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such case of yours, or that version was never approved' })
  async versionPdf(
    @Param() params: PortalVersionParams,
    @Query() query: PdfQueryDto,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendPdf(await this.portal.versionPdf(params.id, params.version, query.variant), req, res);
  }
}
