import { escapeHtml } from './escape';
import { formatDate, formatTimestamp } from './format';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters and tolerates null', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml('マーケットプレイス 😀')).toBe('マーケットプレイス 😀');
  });
});

describe('date formatting', () => {
  it('formats dates and timestamps in UTC, independent of locale', () => {
    expect(formatDate('2026-02-22')).toBe('22 Feb 2026');
    expect(formatDate('2026-03-13T23:59:00-05:00')).toBe('14 Mar 2026');
    expect(formatTimestamp('2026-03-13T16:42:09Z')).toBe('13 Mar 2026, 16:42:09 UTC');
    expect(formatTimestamp('2026-03-13')).toBe('13 Mar 2026');
  });

  it('returns null for a missing value and the raw text for an unparseable one', () => {
    expect(formatDate(null)).toBeNull();
    expect(formatDate('')).toBeNull();
    expect(formatDate('next week')).toBe('next week');
    expect(formatTimestamp('soon')).toBe('soon');
  });
});
