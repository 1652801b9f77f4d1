import 'reflect-metadata';
import { loadConfigOrExit } from '@poa/config';
import { startTracing } from '@poa/telemetry';
import { createApp } from './app-setup';

async function main() {
  const config = loadConfigOrExit();
  startTracing('poa-desk-api');
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  process.stdout.write(`${JSON.stringify({ level: 30, msg: `POA Desk API listening on ${config.PUBLIC_URL}`, port: config.PORT })}\n`);
}

main().catch((error) => {
  process.stderr.write(`API failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
