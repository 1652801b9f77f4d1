/** Parses a CSS unicode-range value ("U+0000-00FF,U+0131,U+4??") into inclusive [start, end] pairs. */
export function parseUnicodeRange(value: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const raw of value.split(',')) {
    const token = raw.trim().replace(/^U\+/i, '');
    if (!token) continue;
    if (token.includes('?')) {
      ranges.push([parseInt(token.replace(/\?/g, '0'), 16), parseInt(token.replace(/\?/g, 'F'), 16)]);
    } else if (token.includes('-')) {
      const [start, end] = token.split('-');
      ranges.push([parseInt(start, 16), parseInt(end, 16)]);
    } else {
      const point = parseInt(token, 16);
      ranges.push([point, point]);
    }
  }
  return ranges.filter(([start, end]) => Number.isFinite(start) && Number.isFinite(end) && start <= end);
}

/** The distinct code points of a string. */
export function codePointsOf(text: string): Set<number> {
  const points = new Set<number>();
  for (const ch of text) points.add(ch.codePointAt(0) as number);
  return points;
}
