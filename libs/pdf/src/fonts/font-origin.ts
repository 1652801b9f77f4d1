/**
 * Fonts are referenced through a fake origin that never resolves (`.invalid` is reserved):
 * the renderer answers these requests from disk through request interception, so the
 * page fetches nothing from the network.
 */
export const FONT_ORIGIN = 'https://fonts.poa-desk.invalid';
export const FONT_STYLESHEET_URL = `${FONT_ORIGIN}/poa-fonts.css`;

/** Latin first; CJK and emoji faces carry unicode-ranges, so their files load only when used. */
export const FONT_FAMILY_STACK = "'Noto Sans', 'Noto Sans JP', 'Noto Sans SC', 'Noto Color Emoji', sans-serif";
