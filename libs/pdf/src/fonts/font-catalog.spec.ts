import { FontCatalog } from './font-catalog';
import { parseUnicodeRange } from './unicode-range';

describe('parseUnicodeRange', () => {
  it('reads single points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+4??')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x400, 0x4ff],
    ]);
  });
});

describe('FontCatalog', () => {
  const catalog = FontCatalog.load();
  const sources = (css: string) => [...css.matchAll(/src: url\(([^)]+)\)/g)].map((m) => m[1]);

  it('gives a Latin document only Latin faces, each font file inlined as a data: URI', async () => {
    const css = await catalog.stylesheetFor('Plan of Action: root causes');
    expect(css).toContain("font-family: 'Noto Sans';");
    expect(css).toContain("font-family: 'Noto Sans Mono';"); // ASINs and hashes
    expect(css).not.toMatch(/font-family: 'Noto Sans Mono';[^}]*unicode-range: U\+0100/); // no latin-ext face
    expect(css).not.toContain('Noto Sans JP');
    expect(css).not.toContain('Noto Color Emoji');
    expect(css).toContain('unicode-range:');
    expect(css).toContain('font-display: block;');
    const urls = sources(css);
    expect(urls.length).toBeGreaterThanOrEqual(3); // regular, bold, mono
    for (const url of urls) {
      expect(url).toMatch(/^data:font\/woff2;base64,[A-Za-z0-9+/]+={0,2}$/);
      expect(
        Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('wOF2');
    }
    // No rule is left pointing anywhere else.
    expect(css.match(/src:/g)).toHaveLength(urls.length);
  });

  it('adds the CJK and emoji faces only when the text needs them', async () => {
    const css = await catalog.stylesheetFor('マーケットプレイス 我们这 📦');
    expect(css).toContain("font-family: 'Noto Sans JP';");
    expect(css).toContain("font-family: 'Noto Sans SC';");
    expect(css).toContain("font-family: 'Noto Color Emoji';");
    expect(sources(css).every((url) => url.startsWith('data:font/woff2;base64,'))).toBe(true);
  });

  it('gives documents with the same characters the same cached stylesheet', async () => {
    const first = catalog.stylesheetFor('Hello world');
    expect(catalog.stylesheetFor('world Hello')).toBe(first);
    expect(await first).toBe(await catalog.stylesheetFor('Hello world'));
  });
});
