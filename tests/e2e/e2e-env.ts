/** A variable the e2e tier sets for its suites; a clear error when a suite is run outside the tier. */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tier (bash scripts/test --tier e2e)`);
  return value;
}
