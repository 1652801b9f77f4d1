import { Body, Controller, Get, Header, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { ApiErrors } from '../core/api-errors';
import { BrandingPreviewDto, TenantDto, UpdateBrandingDto } from './branding.schemas';
import { BrandingService } from './branding.service';

/** The agency's own settings: name and PDF branding (logo, colour, letterhead, paper size). */
@ApiTags('settings')
@Controller('tenant')
export class BrandingController {
  constructor(private readonly branding: BrandingService) {}

  @Get()
  @Can('me:read')
  @ApiOperation({ summary: 'The agency: name and branding' })
  @ZodResponse({ status: 200, type: TenantDto })
  get() {
    return this.branding.get();
  }

  @Get('branding/preview')
  @Can('me:read')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
  @ApiOperation({ summary: 'A sample POA laid out with the current branding (the HTML the PDF renderer prints)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML document' })
  preview(): Promise<string> {
    return this.branding.preview();
  }

  @Post('branding/preview')
  @HttpCode(200)
  @Can('settings:manage')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
  @ApiOperation({
    summary: 'The sample POA laid out with unsaved branding (admins, while editing): nothing is saved',
    description: 'Fields left out are the saved ones; each is checked as in `PATCH /api/v1/tenant`.',
  })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML document' })
  @ApiErrors('VALIDATION_FAILED')
  previewDraft(@Body() body: BrandingPreviewDto): Promise<string> {
    return this.branding.preview(body);
  }

  @Patch()
  @Can('settings:manage')
  @ApiOperation({ summary: 'Change the agency name or its PDF branding (admins); new PDFs use it' })
  @ZodResponse({ status: 200, type: TenantDto })
  update(@Body() body: UpdateBrandingDto) {
    return this.branding.update(body);
  }
}
