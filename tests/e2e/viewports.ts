/** The two widths every screen is checked at: a desktop and a phone. */
export const WIDE = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 800 };
