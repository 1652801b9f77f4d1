import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AppConfig } from '@poa/config';
import { TenantContext } from '@poa/db';
import type { Response } from 'express';
import { Can } from '../core/access.decorators';
import { AppError } from '../core/errors';
import { APP_CONFIG } from '../core/tokens';
import { listDevMail, readDevMail } from './dev-mailbox';

/**
 * The development mailbox: the .eml files the worker wrote for the caller's own agency, for its owners and admins.
 * Registered only with DEV_MAILBOX=true (refused in production); otherwise the routes do not exist (404).
 */
@ApiExcludeController()
@Controller('dev/mail')
export class DevMailController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Can('dev_mail:read')
  async list() {
    return { data: await listDevMail(this.config, TenantContext.require().tenantId) };
  }

  @Get(':file')
  @Can('dev_mail:read')
  async raw(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const content = await readDevMail(this.config, TenantContext.require().tenantId, file);
    if (!content) throw AppError.notFound('Email');
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.status(200).end(content);
  }
}
