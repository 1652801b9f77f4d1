import http from 'node:http';

export interface HttpTarget {
  get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Consumes the body without keeping it: the measured path. Rejects on a status other than 200. */
  getOk(path: string, headers: Record<string, string>): Promise<void>;
  close(): void;
}

/** Keep-alive GETs against one origin, at most maxSockets connections (the load's concurrency). */
export function httpTarget(baseUrl: string, maxSockets: number): HttpTarget {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  const send = (path: string, headers: Record<string, string>, keep: boolean) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path, method: 'GET', headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => {
          if (keep || res.statusCode !== 200) chunks.push(chunk);
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
      req.on('error', reject);
      req.end();
    });
  return {
    get: (path, headers) => send(path, headers, true),
    getOk: async (path, headers) => {
      const { status, body } = await send(path, headers, false);
      if (status !== 200) throw new Error(`HTTP ${status}: ${body.slice(0, 200)}`);
    },
    close: () => agent.destroy(),
  };
}

/** Polls GET path until it answers 200 (a child server starting up). */
export async function waitForHttp(baseUrl: string, path: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const target = httpTarget(baseUrl, 1);
  try {
    while (Date.now() < deadline) {
      if (!isAlive()) throw new Error(`${baseUrl}: the process exited before answering`);
      const ok = await target.get(path, {}).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`${baseUrl}${path} did not answer 200 within ${timeoutMs} ms`);
  } finally {
    target.close();
  }
}
