#!/usr/bin/env bash
# The start command: installs, migrates, seeds, builds and starts Forecourt with demo data,
# then prints where to sign in. Ctrl-C stops everything it started.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

require_node
ensure_pnpm
install_deps
say "Checking PostgreSQL and Redis"
check_services

say "Migrating the database";   pnpm --silent db:migrate
say "Loading demo data";        pnpm --silent db:seed
say "Building";                 pnpm --silent build > "$ROOT/.forecourt/build.log" 2>&1 || { tail -n 40 "$ROOT/.forecourt/build.log"; exit 1; }

WEB_PORT="$(pnpm --silent --filter @forecourt/db exec tsx src/cli/print-config.ts WEB_PORT)"
DEMO_SITE_PORT="$(pnpm --silent --filter @forecourt/db exec tsx src/cli/print-config.ts DEMO_SITE_PORT)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null; }
trap cleanup EXIT INT TERM

if curl -fsS -o /dev/null "http://127.0.0.1:$WEB_PORT/" 2>/dev/null; then
  echo "forecourt: port $WEB_PORT is already in use. Stop what runs there, or set WEB_PORT and WEB_URL." >&2
  exit 1
fi

SMTP_PORT="$(pnpm --silent --filter @forecourt/db exec tsx src/cli/print-config.ts SMTP_PORT)"
MAIL_CATCHER_HTTP_PORT="$(pnpm --silent --filter @forecourt/db exec tsx src/cli/print-config.ts MAIL_CATCHER_HTTP_PORT)"
say "Starting the local mail catcher (SMTP $SMTP_PORT, web $MAIL_CATCHER_HTTP_PORT)"
(cd packages/testing && exec pnpm exec tsx src/cli/mail-catcher.ts) &
pids+=($!)

SMTP_INGRESS_PORT="$(pnpm --silent --filter @forecourt/db exec tsx src/cli/print-config.ts SMTP_INGRESS_PORT)"
EMAIL_INBOUND_DOMAIN="$(pnpm --silent --filter @forecourt/db exec tsx src/cli/print-config.ts EMAIL_INBOUND_DOMAIN)"
say "Starting the e-mail ingress (SMTP $SMTP_INGRESS_PORT, mail for *@$EMAIL_INBOUND_DOMAIN)"
(cd apps/mail-ingress && exec pnpm exec tsx src/main.ts) &
pids+=($!)

CHANNEL_SIMULATOR_PORT="$(pnpm --silent --filter @forecourt/db exec tsx src/cli/print-config.ts CHANNEL_SIMULATOR_PORT)"
# Web and worker talk to Meta's Graph API through the simulator unless META_GRAPH_URL says otherwise.
export META_GRAPH_URL="${META_GRAPH_URL:-http://127.0.0.1:$CHANNEL_SIMULATOR_PORT}"
TWILIO_STANDIN_PORT="$(pnpm --silent --filter @forecourt/db exec tsx src/cli/print-config.ts TWILIO_STANDIN_PORT)"
# SMS: the Twilio SDK's calls go to the stand-in (same process as the simulator) unless TWILIO_API_URL says otherwise.
export TWILIO_API_URL="${TWILIO_API_URL:-http://127.0.0.1:$TWILIO_STANDIN_PORT}"
TELEGRAM_STANDIN_PORT="$(pnpm --silent --filter @forecourt/db exec tsx src/cli/print-config.ts TELEGRAM_STANDIN_PORT)"
# Telegram's Bot API likewise: the simulator's Telegram stand-in unless TELEGRAM_API_URL is set.
export TELEGRAM_API_URL="${TELEGRAM_API_URL:-http://127.0.0.1:$TELEGRAM_STANDIN_PORT}"
say "Starting the channel simulator (WhatsApp and Messenger stand-in on port $CHANNEL_SIMULATOR_PORT, Twilio stand-in on $TWILIO_STANDIN_PORT, Telegram stand-in on $TELEGRAM_STANDIN_PORT)"
(cd packages/testing && exec pnpm exec tsx src/cli/channel-simulator.ts) &
pids+=($!)

say "Starting the web app on port $WEB_PORT"
(cd apps/web && NODE_ENV=production exec pnpm exec tsx server.ts) &
WEB_PID=$!
pids+=($WEB_PID)

say "Starting the live-chat gateway"
(cd apps/gateway && exec pnpm exec tsx src/main.ts) &
pids+=($!)

say "Starting the demo dealer website on port $DEMO_SITE_PORT"
(cd apps/widget && exec pnpm exec tsx src/demo-site.ts) &
pids+=($!)

say "Starting the worker"
(cd apps/worker && exec pnpm exec tsx src/main.ts) &
pids+=($!)

for _ in $(seq 1 60); do
  kill -0 "$WEB_PID" 2>/dev/null || { echo "forecourt: the web app exited during start-up." >&2; exit 1; }
  if curl -fsS "http://127.0.0.1:$WEB_PORT/api/health" >/dev/null 2>&1; then break; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$WEB_PORT/api/health" >/dev/null || { echo "forecourt: the web app did not start." >&2; exit 1; }

pnpm --silent --filter @forecourt/db exec tsx src/cli/print-demo.ts
echo "WhatsApp, Messenger, SMS and Telegram without their accounts: be the customer at http://localhost:$CHANNEL_SIMULATOR_PORT/"
if [ "$META_GRAPH_URL" != "http://127.0.0.1:$CHANNEL_SIMULATOR_PORT" ]; then
  echo "  (META_GRAPH_URL is $META_GRAPH_URL: replies go there, not to the simulator)"
fi
if [ "$TWILIO_API_URL" != "http://127.0.0.1:$TWILIO_STANDIN_PORT" ]; then
  echo "  (TWILIO_API_URL is $TWILIO_API_URL: SMS replies go there, not to the simulator)"
fi
echo "E-mail without a mail server: the simulator's E-mail tab writes to the dealers' inbound addresses (SMTP into port $SMTP_INGRESS_PORT);"
echo "  replies, invitations and password resets are not sent anywhere: read them at http://localhost:$MAIL_CATCHER_HTTP_PORT/"
echo "Demo dealer websites with the chat widget: http://localhost:$DEMO_SITE_PORT/"
wait -n "${pids[@]}"
