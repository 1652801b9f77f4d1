import { Body, Controller, Delete, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { DeleteTenantDto, ExportParams, TenantDeletionDto, TenantExportDto } from './tenant.schemas';
import { TenantService } from './tenant.service';

/** The agency as a whole (owners only): an export of all of its data, and its deletion. */
@ApiTags('tenant')
@Controller('tenant')
export class TenantController {
  constructor(private readonly tenant: TenantService) {}

  @Delete()
  @HttpCode(202)
  @Can('tenant:manage')
  @ApiOperation({
    summary: 'Schedule the deletion of the agency: every row and file of it is purged after the grace period',
    description:
      "The owner types the agency's name as confirmation (confirmName; otherwise 400 VALIDATION_FAILED on that field). The purge runs TENANT_DELETION_GRACE_DAYS (default 7) days later, in the worker; until it begins an owner may cancel (DELETE /api/v1/tenant/deletion). Meanwhile staff keep working and see the date (GET /api/v1/tenant, deletionScheduledFor), and client portal log-ins are refused (403 TENANT_DELETION_SCHEDULED). 409 CONFLICT when a deletion is already scheduled.",
  })
  @ApiErrors('VALIDATION_FAILED', 'CONFLICT')
  @ZodResponse({ status: 202, type: TenantDeletionDto })
  scheduleDeletion(@Body() body: DeleteTenantDto) {
    return this.tenant.scheduleDeletion(body.confirmName);
  }

  @Delete('deletion')
  @Can('tenant:manage')
  @ApiOperation({ summary: 'Cancel the scheduled deletion of the agency (until the purge begins)' })
  @ApiErrors('NOT_FOUND', 'CONFLICT')
  @ZodResponse({ status: 200, type: TenantDeletionDto })
  cancelDeletion() {
    return this.tenant.cancelDeletion();
  }

  @Post('export')
  @HttpCode(202)
  @Can('tenant:manage')
  @ApiOperation({ summary: 'Queue an archive of all of the agency data (JSON per table plus its files, .tar.gz); poll the export' })
  @ZodResponse({ status: 202, type: TenantExportDto })
  requestExport() {
    return this.tenant.requestExport();
  }

  @Get('exports/:exportId')
  @Can('tenant:manage')
  @ApiOperation({ summary: 'An export: queued, ready (with its downloadUrl) or failed' })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND')
  @ZodResponse({ status: 200, type: TenantExportDto })
  getExport(@Param() params: ExportParams) {
    return this.tenant.getExport(params.exportId);
  }

  @Get('exports/:exportId/archive')
  @Can('tenant:manage')
  @ApiOperation({ summary: 'Download a ready export (.tar.gz: manifest.json, data/<table>.json, files/)' })
  @ApiProduces('application/gzip')
  @ApiOkResponse({ description: 'The archive', schema: { type: 'string', format: 'binary' } })
  @ApiErrors('VALIDATION_FAILED', 'NOT_FOUND', 'CONFLICT')
  async archive(@Param() params: ExportParams, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { data, fileName } = await this.tenant.archive(params.exportId);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    return new StreamableFile(data, { type: 'application/gzip', length: data.length });
  }
}
