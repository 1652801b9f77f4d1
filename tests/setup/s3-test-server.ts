import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
// s3rver: an S3-compatible server in Node (the S3 REST API over HTTP, access keys checked, objects on disk). No real S3
// (or MinIO) can run on this machine: this is the closest real HTTP counterpart the tests can start.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };

export interface S3TestServer {
  /** The settings the product reads (STORAGE_DRIVER=s3 and the S3_* variables). */
  settings: {
    STORAGE_DRIVER: 's3';
    S3_ENDPOINT: string;
    S3_BUCKET: string;
    S3_REGION: string;
    S3_ACCESS_KEY_ID: string;
    S3_SECRET_ACCESS_KEY: string;
  };
  close(): Promise<void>;
}

/** Starts an S3-compatible server on a free port of 127.0.0.1 with one empty bucket. */
export async function startS3TestServer(bucket = 'poa-test'): Promise<S3TestServer> {
  const directory = mkdtempSync(join(tmpdir(), 'poa-s3-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    settings: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      // s3rver's fixed development credentials (it refuses other access keys).
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    close: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
