import type { HttpTarget } from '../lib/http-get';

/** JSON with object keys sorted: the API's response schema orders keys its own way. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * Sends the same requests to the API and the baseline and fails unless both answer 200 with identical bodies:
 * proves the baseline runs the API's SQL (same rows, same order, same page) before any figure is compared.
 * Returns the number of cases each request found (data.length).
 */
export async function assertSameAnswers(
  api: HttpTarget,
  baseline: HttpTarget,
  requests: { path: string; token: string }[],
): Promise<number[]> {
  const found: number[] = [];
  for (const { path, token } of requests) {
    const headers = { authorization: `Bearer ${token}` };
    const [a, b] = await Promise.all([api.get(path, headers), baseline.get(path, headers)]);
    if (a.status !== 200 || b.status !== 200)
      throw new Error(`${path}: API ${a.status}, baseline ${b.status}\nAPI: ${a.body.slice(0, 300)}\nbaseline: ${b.body.slice(0, 300)}`);
    const [ja, jb] = [JSON.parse(a.body) as { data: unknown[] }, JSON.parse(b.body) as { data: unknown[] }];
    if (canonical(ja) !== canonical(jb)) {
      throw new Error(
        `${path}: the API and the baseline answer differently: is bench/cases/list-sql.ts still a copy of CasesRepository.list?\nAPI: ${canonical(ja).slice(0, 400)}\nbaseline: ${canonical(jb).slice(0, 400)}`,
      );
    }
    found.push(ja.data.length);
  }
  return found;
}
