/*
 * One date format for the whole portal, in the contact's own locale (the browser's language): "29 Nov 2026" and
 * "29 Nov 2026, 14:05" in en-GB, "Nov 29, 2026" in en-US.
 */
const locale = typeof navigator === 'undefined' ? undefined : navigator.language;
const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

/** A calendar date: an ISO timestamp, or a plain `YYYY-MM-DD` (read as that day, not as UTC midnight). */
export function formatDate(value: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = plain ? new Date(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3])) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : day.format(date);
}

export function formatDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : moment.format(date);
}
