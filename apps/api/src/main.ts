import 'reflect-metadata';
import { loadConfigOrExit } from '@poa/config';
import { startTracing } from '@poa/telemetry';
import { createApp } from './app-setup';

async function main() {
  const config = loadConfigOrExit();
  startTracing('poa-desk-api');
  const app = await createApp(config);
  // Idle keep-alive connections outlive the clients' and proxies' own idle timeouts (load balancers commonly keep
  // 60 s): with Node's 5 s default the server can close a connection just as a client reuses it, and that request
  // fails with a reset instead of an answer.
  const server = app.getHttpServer();
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`${JSON.stringify({ level: 30, msg: `POA Desk API listening on ${config.PUBLIC_URL}`, port: config.PORT })}\n`);
}

main().catch((error) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
