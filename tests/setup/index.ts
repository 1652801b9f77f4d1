// Helpers for integration and e2e tests (what `bash scripts/test` prepares for them).
export { integrationEnv, integrationEnvFrom, type IntegrationEnv } from './integration-env';
export { e2eEnv, startWorker, type E2eEnv, type WorkerCommand, type DemoLogin } from './e2e-env';
export { createScratchDatabase, type ScratchDatabase } from './scratch-database';
export { ensureTestServices, withRedisDatabase, TEST_REDIS_DB, type TestServices } from './test-services';
export { startS3TestServer, type S3TestServer } from './s3-test-server';
