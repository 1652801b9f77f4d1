/**
 * The template links its fonts at a fake origin that never resolves (`.invalid` is reserved). The
 * renderer replaces that link with the document's @font-face rules, font files inlined as `data:`
 * URIs (FontCatalog), so the page requests nothing; a request to this origin would be blocked.
 */
export const FONT_ORIGIN = 'https://fonts.poa-desk.invalid';
export const FONT_STYLESHEET_URL = `${FONT_ORIGIN}/poa-fonts.css`;
/** The tag the template writes and the renderer replaces. */
export const FONT_STYLESHEET_LINK = `<link rel="stylesheet" href="${FONT_STYLESHEET_URL}">`;

/** Latin first; CJK and emoji faces carry unicode-ranges, so their files load only when used. */
export const FONT_FAMILY_STACK = "'Noto Sans', 'Noto Sans JP', 'Noto Sans SC', 'Noto Color Emoji', sans-serif";
/** For ASINs and hashes; anything Noto Sans Mono lacks falls back to the text stack. */
export const MONO_FONT_FAMILY_STACK = `'Noto Sans Mono', ${FONT_FAMILY_STACK}`;
