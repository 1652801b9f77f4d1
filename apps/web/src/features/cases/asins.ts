/** "b0abc, B0XYZ  b0def" -> ['B0ABC', 'B0XYZ', 'B0DEF']: ASINs typed or pasted with any separator. */
export function splitAsins(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((a) => a.trim().toUpperCase())
    .filter(Boolean);
}
