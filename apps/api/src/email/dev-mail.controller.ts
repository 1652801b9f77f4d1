import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { AppConfig } from '@poa/config';
import type { NextFunction, Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { AppError } from '../core/errors';
import { APP_CONFIG } from '../core/tokens';
import { devMailHtml, listDevMail, readDevMail } from './dev-mailbox';

/** Development only: the emails written as .eml files. Answers 404 in production, as if it did not exist. */
@ApiExcludeController()
@Controller('dev/mail')
export class DevMailController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  async list() {
    this.refuseInProduction();
    return { data: await listDevMail(this.config) };
  }

  @Get(':file')
  @Public()
  async raw(@Param('file') file: string, @Res() res: Response): Promise<void> {
    this.refuseInProduction();
    const content = await readDevMail(this.config, file);
    if (!content) throw AppError.notFound('Email');
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.status(200).end(content);
  }

  private refuseInProduction(): void {
    if (this.config.NODE_ENV === 'production') throw AppError.notFound('Route');
  }
}

/** GET /dev/mail (outside the API prefix): the HTML page; 404 in production. */
export function devMailPage(config: AppConfig) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    if (config.NODE_ENV === 'production') {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Route not found' } });
      return;
    }
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(devMailHtml(await listDevMail(config)));
  };
}
