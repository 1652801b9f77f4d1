import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';

export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: { id: string; type: string; tenantId: string; createdAt: string; data: Record<string, any> };
  at: number;
}

/** A webhook receiver on 127.0.0.1: records every request; answers per path with a scripted list of statuses (then 200). */
export async function startReceiver() {
  const received: ReceivedRequest[] = [];
  const scripts = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, rawBody, body: JSON.parse(rawBody), at: Date.now() });
      const script = scripts.get(path);
      const status =
        script && script.length > 0 ? script.shift()! : scripts.has(`${path}#always`) ? scripts.get(`${path}#always`)![0] : 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'nope');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** The next answers for a path, e.g. [500, 500] then 200s. */
    script: (path: string, statuses: number[]) => scripts.set(path, [...statuses]),
    alwaysAnswer: (path: string, status: number) => scripts.set(`${path}#always`, [status]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
