import { Body, Controller, Get, Header, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Can } from '../core/access.decorators';
import { TenantDto, UpdateBrandingDto } from './branding.schemas';
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

  @Patch()
  @Can('settings:manage')
  @ApiOperation({ summary: 'Change the agency name or its PDF branding (admins); new PDFs use it' })
  @ZodResponse({ status: 200, type: TenantDto })
  update(@Body() body: UpdateBrandingDto) {
    return this.branding.update(body);
  }
}
