#!/bin/sh
# Runs one POA Desk program from the compiled dist/server: api | worker | migrate | seed (or any other command).
set -eu
cd /app
run() { exec node -r ./tools/runtime/register-paths.cjs "$@"; }
case "${1:-api}" in
  api) run dist/server/apps/api/src/main.js ;;
  worker) run dist/server/apps/worker/src/main.js ;;
  migrate) run dist/server/apps/api/src/cli.js migrate ;;
  seed) run dist/server/apps/api/src/cli.js seed ;;
  *) exec "$@" ;;
esac
