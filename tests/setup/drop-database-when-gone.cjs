// Started detached by integration-env.ts: waits for a jest worker to exit, then drops its scratch database.
// Usage: node drop-database-when-gone.cjs <pid> <adminUrl> <database> <cacheFile>
const fs = require('node:fs');
const { setInterval, clearInterval } = require('node:timers');
const { Client } = require('pg');

const [pid, adminUrl, database, cacheFile] = process.argv.slice(2);

function isAlive(processId) {
  try {
    process.kill(processId, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function drop() {
  const admin = new Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await admin.end().catch(() => undefined);
    fs.rmSync(cacheFile, { force: true });
  }
}

const timer = setInterval(() => {
  if (isAlive(Number(pid))) return;
  clearInterval(timer);
  drop().catch(() => process.exit(1));
}, 1000);
