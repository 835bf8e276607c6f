# Shared by scripts/start.sh and scripts/test.sh. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NEXT_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
PNPM_VERSION=10.34.8

say() { printf '\033[1m▸ %s\033[0m\n' "$*"; }

require_node() {
  if ! command -v node >/dev/null; then
    echo "forecourt: Node.js 20 or newer is required (https://nodejs.org)." >&2; exit 1
  fi
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "forecourt: Node.js 20 or newer is required; this is $(node -v)." >&2; exit 1
  fi
}

# pnpm: use the pinned version; install it with npm when missing (corepack cannot verify
# signatures on some registry mirrors, see docs/operations.md).
ensure_pnpm() {
  if command -v pnpm >/dev/null && [ "$(pnpm -v 2>/dev/null)" = "$PNPM_VERSION" ]; then return; fi
  say "Installing pnpm $PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || {
    mkdir -p "$ROOT/.forecourt/pnpm" && npm install --prefix "$ROOT/.forecourt/pnpm" "pnpm@$PNPM_VERSION" >/dev/null
    export PATH="$ROOT/.forecourt/pnpm/node_modules/.bin:$PATH"
  }
}

install_deps() {
  say "Installing dependencies"
  pnpm install --frozen-lockfile --reporter=append-only 2>&1 | grep -vE '^(Progress|\s*$)' | tail -n 5
}

# PostgreSQL or Redis down: on a machine with Docker, start both with docker compose (it waits
# for their health checks) and check again; without Docker, exit non-zero naming the service and
# how to start it. FORECOURT_NO_DOCKER=1 keeps Docker out of it.
check_services() {
  local check=(pnpm --silent --filter @forecourt/db exec tsx src/cli/check-services.ts)
  if "${check[@]}" 2>/dev/null; then return; fi
  if [ -z "${FORECOURT_NO_DOCKER:-}" ] && command -v docker >/dev/null && docker compose version >/dev/null 2>&1; then
    say "Starting PostgreSQL and Redis (docker compose up -d --wait)"
    docker compose -f "$ROOT/docker-compose.yml" up -d --wait
  fi
  "${check[@]}"
}
