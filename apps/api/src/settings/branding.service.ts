import { Injectable } from '@nestjs/common';
import { TenantDb, type TenantBranding } from '@poa/db';
import { FONT_STYLESHEET_LINK, renderPoaHtml } from '@poa/pdf';
import { AuditService } from '../identity/audit/audit.service';
import { brandingSchema } from '../identity/auth/auth.schemas';
import { tenantView } from '../identity/auth/views';
import { AppError } from '../core/errors';
import { brandingPreviewDocument } from './branding-preview-sample';
import { BrandingRepository } from './branding.repository';
import type { UpdateBrandingInput } from './branding.schemas';

@Injectable()
export class BrandingService {
  constructor(
    private readonly db: TenantDb,
    private readonly tenants: BrandingRepository,
    private readonly audit: AuditService,
  ) {}

  async get() {
    const tenant = await this.tenants.current();
    if (!tenant) throw AppError.notFound('Agency');
    return tenantView(tenant);
  }

  /** The HTML the PDF renderer would print for a sample plan, with the agency's current name and branding. */
  async preview(): Promise<string> {
    const tenant = await this.get();
    const { html } = renderPoaHtml({
      ...brandingPreviewDocument(),
      mode: 'draft',
      tenant: { name: tenant.name, branding: tenant.branding },
    });
    // The font link is for the PDF renderer, which inlines the fonts in its place; a browser could only be refused it.
    return html.replace(FONT_STYLESHEET_LINK, '');
  }

  async update(input: UpdateBrandingInput) {
    const { name, ...fields } = input;
    const branding = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<TenantBranding>;
    brandingSchema.partial().parse(branding);
    return this.db.transaction(async (tx) => {
      const tenant = await this.tenants.update(tx, name ?? null, branding);
      await this.audit.record(tx, {
        type: 'settings.branding_changed',
        metadata: { fields: [...(name ? ['name'] : []), ...Object.keys(branding)] },
      });
      return tenantView(tenant);
    });
  }
}
