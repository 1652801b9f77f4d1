import type { Schemas } from '@poa/sdk';

export type Tenant = Schemas['TenantDto_Output'];
export type BrandingPatch = Schemas['UpdateBrandingDto'];
export type PaperSize = Tenant['branding']['paperSize'];
export const PAPER_SIZES: readonly PaperSize[] = ['A4', 'Letter'];

/** What the form edits: the agency name and its branding, letterhead as plain text ('' = none). */
export interface BrandingForm {
  name: string;
  primaryColor: string;
  logoDataUri: string | null;
  letterhead: string;
  paperSize: PaperSize;
}

export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml'] as const;
/** The API takes data URIs of at most 400,000 characters; base64 grows a file by 4/3, plus the `data:` prefix. */
export const MAX_LOGO_BYTES = 299_000;

export function formOf(tenant: Tenant): BrandingForm {
  const { branding } = tenant;
  return {
    name: tenant.name,
    primaryColor: branding.primaryColor,
    logoDataUri: branding.logoDataUri,
    letterhead: branding.letterhead ?? '',
    paperSize: branding.paperSize,
  };
}

/** Only the fields that changed: the logo (up to 400 KB) is not sent again with every colour change. */
export function brandingPatch(saved: Tenant, form: BrandingForm): BrandingPatch {
  const before = formOf(saved);
  const patch: BrandingPatch = {};
  if (form.name.trim() !== before.name) patch.name = form.name.trim();
  if (form.primaryColor.trim().toLowerCase() !== before.primaryColor.toLowerCase()) patch.primaryColor = form.primaryColor.trim();
  if (form.logoDataUri !== before.logoDataUri) patch.logoDataUri = form.logoDataUri;
  if (form.letterhead !== before.letterhead) patch.letterhead = form.letterhead.trim() ? form.letterhead : null;
  if (form.paperSize !== before.paperSize) patch.paperSize = form.paperSize;
  return patch;
}

/** Why a chosen file cannot be the logo, or null when it can. */
export function logoProblem(file: { type: string; size: number }): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return 'Choose a PNG, JPEG, GIF or SVG image.';
  if (file.size > MAX_LOGO_BYTES) return `The logo is ${Math.ceil(file.size / 1024)} KB; the limit is about 290 KB.`;
  return null;
}

/** `#rrggbb`, the only colour form the API and <input type="color"> share. */
export function isHexColor(value: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(value.trim());
}
