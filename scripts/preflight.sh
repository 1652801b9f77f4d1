# Sourced by scripts/start and scripts/test: checks Node, installs dependencies when needed, then returns.
# Runs from the repository root (the caller cds there first).

REQUIRED_NODE="20.19.0"

if ! command -v node >/dev/null 2>&1; then
  echo "POA Desk needs Node.js ${REQUIRED_NODE} or newer, and \`node\` is not in PATH." >&2
  echo "Install it from https://nodejs.org (or with nvm: nvm install 20), then run this again." >&2
  exit 1
fi

NODE_VERSION="$(node -p 'process.versions.node')"
if ! node -e '
  const [need, have] = process.argv.slice(1).map((v) => v.split(".").map(Number));
  for (let i = 0; i < 3; i++) { if (have[i] !== need[i]) process.exit(have[i] > need[i] ? 0 : 1); }
' "${REQUIRED_NODE}" "${NODE_VERSION}"; then
  echo "POA Desk needs Node.js ${REQUIRED_NODE} or newer; this is Node.js ${NODE_VERSION} ($(command -v node))." >&2
  echo "Upgrade it (https://nodejs.org, or nvm install 20 / nvm install 22), then run this again." >&2
  exit 1
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is not in PATH (it ships with Node.js): reinstall Node.js ${REQUIRED_NODE} or newer." >&2
  exit 1
fi

# npm ci when dependencies are missing or package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)..." >&2
  npm ci --no-audit --no-fund
fi

# tsx resolves the monorepo's @poa/* path aliases from this file (there is no root tsconfig.json).
export TSX_TSCONFIG_PATH="${TSX_TSCONFIG_PATH:-tsconfig.base.json}"
# Nx: no daemon, no cloud, plain output (also in CI).
export NX_DAEMON="${NX_DAEMON:-false}"
export NX_NO_CLOUD=true
