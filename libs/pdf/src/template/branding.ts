export const DEFAULT_PRIMARY_COLOR = '#1f4e79';

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const LOGO_DATA_URI = /^data:image\/(png|jpeg|gif|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;
/** A logo above this size is ignored: it would bloat every PDF (and the CDP message). */
export const MAX_LOGO_DATA_URI_LENGTH = 1_500_000;

export function safePrimaryColor(color: string | null | undefined): string {
  return typeof color === 'string' && HEX_COLOR.test(color) ? color.toLowerCase() : DEFAULT_PRIMARY_COLOR;
}

/** Returns the logo only when it is an inline base64 image of an allowed type; the page may fetch nothing. */
export function safeLogoDataUri(uri: string | null | undefined): string | null {
  if (typeof uri !== 'string' || uri.length > MAX_LOGO_DATA_URI_LENGTH) return null;
  return LOGO_DATA_URI.test(uri) ? uri : null;
}

/** A lighter tint of `#rrggbb` (mixed with white), for table headers and rules. */
export function tint(hexColor: string, whiteShare: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hexColor.slice(i, i + 2), 16));
  const mixed = channels.map((c) => Math.round(c + (255 - c) * whiteShare));
  return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}
