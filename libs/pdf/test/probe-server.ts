import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProbeServer {
  port: number;
  requests: string[];
  close(): Promise<void>;
}

/** A local HTTP server that records every request it receives (an SSRF tripwire). */
export async function startProbeServer(): Promise<ProbeServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('probe');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
