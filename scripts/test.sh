#!/usr/bin/env bash
# The test command: installs, prepares its own test database, and runs every check and test.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$ROOT/scripts/test-env.sh"

require_node
ensure_pnpm
install_deps
check_services

say "Lint";        pnpm lint
say "Format";      pnpm format:check
say "Typecheck";   pnpm typecheck
say "Migrations match the schema (db:check)"; pnpm --silent db:check

say "Preparing the test database ($DATABASE_URL)"
pnpm --silent --filter @forecourt/testing exec tsx src/cli/reset-test-db.ts
pnpm --silent db:migrate
pnpm --silent db:seed

say "Unit tests";        pnpm test:unit
say "Integration tests"; pnpm test:integration
say "Build";             pnpm build
say "End-to-end tests (Playwright, Chromium)"; pnpm test:e2e
say "All tests passed."
