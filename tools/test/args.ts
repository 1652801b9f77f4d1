export const TIERS = ['static', 'unit', 'integration', 'e2e'] as const;
export type Tier = (typeof TIERS)[number];

export interface RunOptions {
  tiers: Tier[];
  help: boolean;
  /** e2e: use the existing dist/ instead of building. */
  skipBuild: boolean;
  /** Jest test path patterns (`--only a,b`): the jest tiers run only the matching suites. */
  only: string[];
}

export const USAGE = `Usage: bash scripts/test [--tier ${TIERS.join(',')}] [--skip-build] [--only <pattern>[,<pattern>]]
  Runs the test tiers in order (all by default) and prints a summary; exits non-zero when anything failed.
  --skip-build  the e2e tier uses the existing dist/ instead of building.
  --only        the unit, integration and e2e tiers run only the suites whose path matches a pattern (a regex).`;

/** Parses `--tier a,b` / `--tier=a,b` (repeatable) and `--help`. */
export function parseRunOptions(argv: string[]): RunOptions {
  const picked: Tier[] = [];
  let help = false;
  let skipBuild = false;
  const only: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') help = true;
    else if (arg === '--skip-build') skipBuild = true;
    else if (arg === '--only') only.push(...parsePatterns(argv[++i]));
    else if (arg.startsWith('--only=')) only.push(...parsePatterns(arg.slice('--only='.length)));
    else if (arg === '--tier' || arg === '--tiers') picked.push(...parseTierList(argv[++i]));
    else if (arg.startsWith('--tier=') || arg.startsWith('--tiers=')) picked.push(...parseTierList(arg.slice(arg.indexOf('=') + 1)));
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  const tiers = picked.length === 0 ? [...TIERS] : TIERS.filter((tier) => picked.includes(tier));
  return { tiers, help, skipBuild, only };
}

function parsePatterns(value: string | undefined): string[] {
  const patterns = (value ?? '')
    .split(',')
    .map((pattern) => pattern.trim())
    .filter(Boolean);
  if (patterns.length === 0) throw new Error('--only needs a test path pattern');
  return patterns;
}

/** Jest arguments that select the suites named with --only (none: every suite). */
export function jestPatternArgs(options: Pick<RunOptions, 'only'>): string[] {
  return options.only.length === 0 ? [] : ['--testPathPatterns', ...options.only];
}

function parseTierList(value: string | undefined): Tier[] {
  if (!value) throw new Error(`--tier needs a value: ${TIERS.join(',')}`);
  return value.split(',').map((name) => {
    const tier = name.trim();
    if (!isTier(tier)) throw new Error(`unknown tier "${tier}": choose from ${TIERS.join(', ')}`);
    return tier;
  });
}

function isTier(name: string): name is Tier {
  return (TIERS as readonly string[]).includes(name);
}
