import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { ExportParams, TenantExportDto } from './tenant.schemas';
import { TenantService } from './tenant.service';

/** The agency as a whole (owners only): an export of all of its data. */
@ApiTags('tenant')
@Controller('tenant')
export class TenantController {
  constructor(private readonly tenant: TenantService) {}

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
