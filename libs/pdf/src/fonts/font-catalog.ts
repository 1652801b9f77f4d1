import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FONT_ORIGIN, FONT_STYLESHEET_URL } from './font-origin';
import { codePointsOf, parseUnicodeRange } from './unicode-range';

interface FontPackage {
  name: string;
  /** Weights to expose; CJK faces get 400 only (Chromium synthesises bold) to keep the stylesheet small. */
  cssFiles: string[];
  /** Keep only the numbered CJK slices: the package's Latin/Cyrillic faces duplicate Noto Sans. */
  cjkSlicesOnly?: boolean;
}

const FONT_PACKAGES: FontPackage[] = [
  { name: '@fontsource/noto-sans', cssFiles: ['400.css', '700.css'] },
  { name: '@fontsource/noto-sans-jp', cssFiles: ['400.css'], cjkSlicesOnly: true },
  { name: '@fontsource/noto-sans-sc', cssFiles: ['400.css'], cjkSlicesOnly: true },
  { name: '@fontsource/noto-color-emoji', cssFiles: ['400.css'] },
];

const FONT_FACE_BLOCK = /@font-face\s*\{[^}]*\}/g;
const WOFF2_URL = /url\(\.\/files\/([A-Za-z0-9._\-[\]]+\.woff2)\)/;
const UNICODE_RANGE = /unicode-range:\s*([^;]+);/;
const NUMBERED_SLICE = /-\d+-\d+-normal\.woff2$/;
const MAX_CACHED_STYLESHEETS = 64;

export interface FontResponse {
  contentType: string;
  body: Buffer;
}

/** Answers the font-origin requests of one document. */
export interface FontResolver {
  resolve(url: string): Promise<FontResponse | null>;
}

interface FontFace {
  family: string;
  file: string;
  css: string;
}

/**
 * The project's fonts (fontsource packages), served to Chromium from disk under the fake font
 * origin. Each document gets a stylesheet holding only the @font-face rules whose unicode-range
 * covers one of its characters (a few rules instead of hundreds: less CSS to parse per job);
 * the rules keep their unicode-range, so a file still loads only when a character needs it.
 */
export class FontCatalog {
  private readonly bytes = new Map<string, Promise<Buffer>>();
  private readonly stylesheets = new Map<string, Buffer>();

  private constructor(
    private readonly faces: FontFace[],
    private readonly facesByCodePoint: ReadonlyMap<number, number[]>,
    private readonly files: ReadonlyMap<string, string>,
  ) {}

  static load(): FontCatalog {
    const files = new Map<string, string>();
    const faces: FontFace[] = [];
    const facesByCodePoint = new Map<number, number[]>();
    for (const pkg of FONT_PACKAGES) {
      const pkgDir = path.dirname(require.resolve(`${pkg.name}/package.json`));
      for (const cssFile of pkg.cssFiles) {
        const css = readFileSync(path.join(pkgDir, cssFile), 'utf8');
        for (const block of css.match(FONT_FACE_BLOCK) ?? []) {
          const file = WOFF2_URL.exec(block)?.[1];
          const range = UNICODE_RANGE.exec(block)?.[1];
          if (!file || !range || (pkg.cjkSlicesOnly && !NUMBERED_SLICE.test(file))) continue;
          const index = faces.length;
          files.set(file, path.join(pkgDir, 'files', file));
          faces.push({ family: pkg.name, file, css: rewriteFace(block, file) });
          for (const [start, end] of parseUnicodeRange(range)) {
            for (let point = start; point <= end; point++) {
              const list = facesByCodePoint.get(point);
              if (list) list.push(index);
              else facesByCodePoint.set(point, [index]);
            }
          }
        }
      }
    }
    return new FontCatalog(faces, facesByCodePoint, files);
  }

  get faceCount(): number {
    return this.faces.length;
  }

  /**
   * The @font-face rules a text needs: for each character, the faces (every weight) of the first
   * family in the stack that covers it, which is the family Chromium would pick.
   */
  stylesheetFor(text: string): Buffer {
    const needed = new Set<number>();
    for (const point of codePointsOf(text)) {
      const covering = this.facesByCodePoint.get(point) ?? [];
      const family = covering.length ? this.faces[covering[0]].family : null;
      for (const index of covering) if (this.faces[index].family === family) needed.add(index);
    }
    const key = [...needed].sort((a, b) => a - b).join(',');
    let css = this.stylesheets.get(key);
    if (!css) {
      css = Buffer.from(key ? key.split(',').map((i) => this.faces[Number(i)].css).join('\n') : '', 'utf8');
      if (this.stylesheets.size >= MAX_CACHED_STYLESHEETS) this.stylesheets.clear();
      this.stylesheets.set(key, css);
    }
    return css;
  }

  /** A resolver for one document: its stylesheet, and any of our font files. */
  forDocument(html: string): FontResolver {
    let stylesheet: Buffer | null = null;
    return {
      resolve: async (url) => {
        if (url === FONT_STYLESHEET_URL) {
          stylesheet ??= this.stylesheetFor(html);
          return { contentType: 'text/css; charset=utf-8', body: stylesheet };
        }
        const body = await this.fontFile(url);
        return body ? { contentType: 'font/woff2', body } : null;
      },
    };
  }

  private fontFile(url: string): Promise<Buffer> | null {
    const prefix = `${FONT_ORIGIN}/`;
    if (!url.startsWith(prefix)) return null;
    const file = url.slice(prefix.length);
    const filePath = this.files.get(file);
    if (!filePath) return null;
    let cached = this.bytes.get(file);
    if (!cached) {
      cached = readFile(filePath);
      this.bytes.set(file, cached);
      cached.catch(() => this.bytes.delete(file));
    }
    return cached;
  }
}

function rewriteFace(block: string, file: string): string {
  return (
    block
      .replace(/src:[^;]+;/, `src: url(${FONT_ORIGIN}/${file}) format('woff2');`)
      // Print has no "later": wait for the real face rather than swapping a fallback in.
      .replace(/font-display:\s*\w+;/, 'font-display: block;')
  );
}
