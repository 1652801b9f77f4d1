import { Injectable } from '@nestjs/common';
import { TenantDb, type TenantBranding } from '@poa/db';
import { FONT_STYLESHEET_LINK, PAGE_MARGIN, renderPoaHtml, type PaperSize } from '@poa/pdf';
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

  /**
   * The HTML the PDF renderer would print for a sample plan, with the agency's name and branding: the saved ones,
   * or unsaved values (`draft`) over them while an admin edits. On screen the body is drawn as a sheet of the
   * paper size with the PDF's margins. The fonts are the page's to give (the app serves the PDF's font files).
   */
  async preview(draft: UpdateBrandingInput = {}): Promise<string> {
    const tenant = await this.get();
    const { name, ...fields } = draft;
    const branding = { ...tenant.branding, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) };
    const { html, paperSize } = renderPoaHtml({
      ...brandingPreviewDocument(),
      mode: 'draft',
      tenant: { name: name ?? tenant.name, branding },
    });
    // The font link is for the PDF renderer, which inlines the fonts in its place; a browser could only be refused it.
    return html.replace(FONT_STYLESHEET_LINK, '').replace('</style></head>', `${sheetStyles(paperSize)}</style></head>`);
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

const SHEET: Record<PaperSize, { width: string; height: string }> = {
  A4: { width: '210mm', height: '297mm' },
  Letter: { width: '8.5in', height: '11in' },
};

/** On screen only: the body as one sheet of paper, with the PDF's page margins, on a grey desk. */
function sheetStyles(paperSize: PaperSize): string {
  const { width, height } = SHEET[paperSize];
  const m = PAGE_MARGIN;
  return (
    `@media screen { html { background: #e4e6ea; } body { box-sizing: border-box; width: ${width}; min-height: ${height}; ` +
    `margin: 16px auto; padding: ${m.top} ${m.right} ${m.bottom} ${m.left}; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); } }`
  );
}
