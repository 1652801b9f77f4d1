import { FontCatalog } from './font-catalog';
import { FONT_ORIGIN, FONT_STYLESHEET_URL } from './font-origin';
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

  async function stylesheetOf(text: string): Promise<string> {
    const response = await catalog.forDocument(text).resolve(FONT_STYLESHEET_URL);
    return response?.body.toString('utf8') ?? '';
  }

  it('gives a Latin document only Latin faces, all pointing at the fake font origin', async () => {
    const css = await stylesheetOf('Plan of Action: root causes');
    expect(css).toContain("font-family: 'Noto Sans';");
    expect(css).not.toContain('Noto Sans JP');
    expect(css).not.toContain('Noto Color Emoji');
    const urls = [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => url.startsWith(`${FONT_ORIGIN}/`) && url.endsWith('.woff2'))).toBe(true);
    expect(css).toContain('unicode-range:');
  });

  it('adds the CJK and emoji faces only when the text needs them', async () => {
    const css = await stylesheetOf('マーケットプレイス 我们这 📦');
    expect(css).toContain("font-family: 'Noto Sans JP';");
    expect(css).toContain("font-family: 'Noto Sans SC';");
    expect(css).toContain("font-family: 'Noto Color Emoji';");
  });

  it('serves its font files and nothing else', async () => {
    const css = await stylesheetOf('Hello');
    const fontUrl = /url\(([^)]+)\)/.exec(css)?.[1] as string;
    const font = await catalog.forDocument('Hello').resolve(fontUrl);
    expect(font?.contentType).toBe('font/woff2');
    expect(font?.body.subarray(0, 4).toString('latin1')).toBe('wOF2');

    const resolver = catalog.forDocument('Hello');
    expect(await resolver.resolve(`${FONT_ORIGIN}/../../package.json`)).toBeNull();
    expect(await resolver.resolve(`${FONT_ORIGIN}/noto-sans-latin-400-normal.woff`)).toBeNull();
    expect(await resolver.resolve('https://example.com/noto-sans-latin-400-normal.woff2')).toBeNull();
  });
});
