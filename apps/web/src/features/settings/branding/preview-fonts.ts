import notoSans400 from '@fontsource/noto-sans/400.css?inline';
import notoSans700 from '@fontsource/noto-sans/700.css?inline';
import notoSansMono400 from '@fontsource/noto-sans-mono/400.css?inline';
import { pageStyleNonce } from './branding.queries';

/**
 * The PDF's own fonts for the preview: the @font-face rules of the fontsource packages the PDF renderer inlines,
 * their files built into this app and served from its own origin (font-src 'self'). Each rule keeps its
 * unicode-range, so a face is fetched only when the text needs it. Like the printed page, the text waits for the
 * real face instead of drawing a fallback first. CJK and emoji faces are left out of the preview (they are
 * megabytes); a name in those scripts falls back to a system font here, never in the PDF.
 */
const PREVIEW_FONT_CSS = [notoSans400, notoSans700, notoSansMono400].join('\n').replace(/font-display:\s*swap/g, 'font-display: block');

/** The preview's HTML with the fonts' stylesheet in front of its own, carrying the page's style nonce as that one does. */
export function withPreviewFonts(html: string): string {
  const nonce = pageStyleNonce();
  const at = html.indexOf('<style');
  if (at < 0) return html;
  return `${html.slice(0, at)}<style${nonce ? ` nonce="${nonce}"` : ''} data-fonts="pdf">${PREVIEW_FONT_CSS}</style>${html.slice(at)}`;
}
