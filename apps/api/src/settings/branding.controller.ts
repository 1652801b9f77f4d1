import { Body, Controller, Get, Header, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FONT_STYLESHEET_LINK, renderPoaHtml, samplePoaDocument } from '@poa/pdf';
import { sql, TenantDb } from '@poa/db';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { AuditService } from '../audit/audit.service';
import { brandingSchema, tenantSchema } from '../auth/auth.schemas';
import { Can } from '../auth/access.decorators';
import { tenantView, type TenantRow } from '../auth/views';
import { AppError } from '../core/errors';

const LOGO_MAX_CHARS = 400_000; // about 300 KB of image, inside the 1 MB body limit

export const updateBrandingSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional().describe("The agency's name as printed on PDFs and emails"),
  primaryColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour').optional(),
  logoDataUri: z
    .string()
    .max(LOGO_MAX_CHARS, 'the logo is too large (max about 300 KB)')
    .regex(/^data:image\/(png|jpeg|gif|svg\+xml);base64,[A-Za-z0-9+/=]+$/, 'must be a base64 data: URI of a PNG, JPEG, GIF or SVG image')
    .nullable()
    .optional(),
  letterhead: z.string().max(500).nullable().optional().describe('Address, phone... printed under the agency name'),
  paperSize: z.enum(['A4', 'Letter']).optional(),
});
class UpdateBrandingDto extends createZodDto(updateBrandingSchema) {}
class TenantDto extends createZodDto(tenantSchema) {}

/** The agency's own settings: name and PDF branding (logo, colour, letterhead, paper size). */
@ApiTags('settings')
@Controller('tenant')
export class BrandingController {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Can('me:read')
  @ApiOperation({ summary: 'The agency: name and branding' })
  @ZodResponse({ status: 200, type: TenantDto })
  async get() {
    const [tenant] = await this.db.read<TenantRow>(sql`SELECT id, name, branding FROM tenants WHERE id = current_setting('app.tenant_id')::uuid`);
    if (!tenant) throw AppError.notFound('Agency');
    return tenantView(tenant);
  }

  @Get('branding/preview')
  @Can('me:read')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
  @ApiOperation({ summary: 'A sample POA laid out with the current branding (the HTML the PDF renderer prints)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML document' })
  async preview(): Promise<string> {
    const tenant = await this.get();
    const sample = samplePoaDocument();
    const { html } = renderPoaHtml({ ...sample, mode: 'draft', tenant: { name: tenant.name, branding: tenant.branding } });
    // The font link is for the PDF renderer, which inlines the fonts in its place; a browser could only be refused it.
    return html.replace(FONT_STYLESHEET_LINK, '');
  }

  @Patch()
  @Can('settings:manage')
  @ApiOperation({ summary: 'Change the agency name or its PDF branding (admins); new PDFs use it' })
  @ZodResponse({ status: 200, type: TenantDto })
  async update(@Body() body: UpdateBrandingDto) {
    const { name, ...branding } = body;
    const patch = Object.fromEntries(Object.entries(branding).filter(([, v]) => v !== undefined));
    brandingSchema.partial().parse(patch);
    return this.db.transaction(async (tx) => {
      const [tenant] = await tx.query<TenantRow>(
        `UPDATE tenants SET name = COALESCE($1, name), branding = branding || $2::jsonb, updated_at = now()
         WHERE id = current_setting('app.tenant_id')::uuid RETURNING id, name, branding`,
        [name ?? null, JSON.stringify(patch)],
      );
      await this.audit.record(tx, { type: 'settings.branding_changed', metadata: { fields: [...(name ? ['name'] : []), ...Object.keys(patch)] } });
      return tenantView(tenant);
    });
  }
}
