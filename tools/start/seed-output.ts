export interface DemoLogin {
  email: string;
  password: string;
  role: string;
}

/** The demo logins the seed command prints as JSON on its last non-empty stdout line. */
export function parseSeedLogins(stdout: string): DemoLogin[] {
  const lastLine = stdout.trimEnd().split('\n').pop()?.trim() ?? '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(lastLine);
  } catch {
    throw new Error(`the seed did not print its logins as JSON on its last line (got: ${lastLine.slice(0, 200) || 'nothing'})`);
  }
  const logins = (parsed as { logins?: unknown }).logins;
  if (!Array.isArray(logins) || !logins.every(isDemoLogin)) {
    throw new Error(`the seed's last line has no valid "logins" array: ${lastLine.slice(0, 200)}`);
  }
  return logins;
}

function isDemoLogin(value: unknown): value is DemoLogin {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.email === 'string' && typeof record.password === 'string' && typeof record.role === 'string';
}
