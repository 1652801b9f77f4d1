import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
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
  { name: '@fontsource/noto-sans-mono', cssFiles: ['400.css'] },
];

/**
 * The template's font stacks (FONT_FAMILY_STACK, MONO_FONT_FAMILY_STACK) by package: Chromium draws
 * a character with the first family of its element's stack that covers it.
 */
const TEXT_STACK = ['@fontsource/noto-sans', '@fontsource/noto-sans-jp', '@fontsource/noto-sans-sc', '@fontsource/noto-color-emoji'];
const FONT_STACKS = [TEXT_STACK, ['@fontsource/noto-sans-mono', ...TEXT_STACK]];

const FONT_FACE_BLOCK = /@font-face\s*\{[^}]*\}/g;
const WOFF2_URL = /url\(\.\/files\/([A-Za-z0-9._\-[\]]+\.woff2)\)/;
const UNICODE_RANGE = /unicode-range:\s*([^;]+);/;
const NUMBERED_SLICE = /-\d+-\d+-normal\.woff2$/;
/** The stylesheets carry the font files (base64): cap what the cache holds, CJK documents can need megabytes. */
const MAX_CACHED_CHARS = 48 * 1024 * 1024;

interface FontFace {
  family: string;
  path: string;
  css: string;
}

/**
 * The project's fonts (fontsource packages). Each document gets a stylesheet holding only the
 * @font-face rules whose unicode-range covers one of its characters (a few rules instead of
 * hundreds), each with its font file inlined as a `data:` URI: the page needs no request for its
 * fonts, and the rules keep their unicode-range, so Chromium still decodes a face only when a
 * character needs it.
 */
export class FontCatalog {
  private readonly stylesheets = new Map<string, Promise<string>>();
  private cachedChars = 0;

  private constructor(
    private readonly faces: FontFace[],
    private readonly facesByCodePoint: ReadonlyMap<number, number[]>,
  ) {}

  static load(): FontCatalog {
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
          faces.push({ family: pkg.name, path: path.join(pkgDir, 'files', file), css: rewriteFace(block) });
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
    return new FontCatalog(faces, facesByCodePoint);
  }

  get faceCount(): number {
    return this.faces.length;
  }

  /**
   * The @font-face rules a text needs, fonts inlined: for each character and each stack, the faces
   * (every weight) of the first family in the stack that covers it, the family Chromium would pick.
   */
  stylesheetFor(text: string): Promise<string> {
    const needed = new Set<number>();
    for (const point of codePointsOf(text)) {
      const covering = this.facesByCodePoint.get(point) ?? [];
      for (const stack of FONT_STACKS) {
        const family = stack.find((name) => covering.some((index) => this.faces[index].family === name));
        for (const index of covering) if (this.faces[index].family === family) needed.add(index);
      }
    }
    const faces = [...needed].sort((a, b) => a - b);
    const key = faces.join(',');
    let css = this.stylesheets.get(key);
    if (!css) {
      css = Promise.all(
        faces.map(async (index) => {
          const face = this.faces[index];
          const body = await readFile(face.path);
          return face.css.replace(FONT_SRC, `src: url(data:font/woff2;base64,${body.toString('base64')}) format('woff2');`);
        }),
      ).then((rules) => rules.join('\n'));
      if (this.cachedChars >= MAX_CACHED_CHARS) {
        this.stylesheets.clear();
        this.cachedChars = 0;
      }
      const pending = css;
      this.stylesheets.set(key, pending);
      pending.then(
        (value) => (this.cachedChars += value.length),
        () => {
          if (this.stylesheets.get(key) === pending) this.stylesheets.delete(key);
        },
      );
    }
    return css;
  }
}

const FONT_SRC = 'src: FONT_FILE;';

function rewriteFace(block: string): string {
  return (
    block
      .replace(/src:[^;]+;/, FONT_SRC)
      // Print has no "later": wait for the real face rather than swapping a fallback in.
      .replace(/font-display:\s*\w+;/, 'font-display: block;')
  );
}
