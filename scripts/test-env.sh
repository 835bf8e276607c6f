# The test command's environment: its own database, Redis prefix and port, never the
# development ones. FC_SLOT (0–9) lets several checkouts on one machine test side by side.
SLOT="${FC_SLOT:-}"
export APP_ENV=test
export DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/forecourt_test${SLOT:+_$SLOT}}"
export REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}"
export REDIS_PREFIX="fc-test${SLOT:+-$SLOT}"
export WEB_PORT="${TEST_WEB_PORT:-$((3100 + ${SLOT:-0} * 10))}"
export WEB_URL="http://localhost:${WEB_PORT}"
export GATEWAY_PORT=$((WEB_PORT + 1))
export GATEWAY_URL="http://localhost:${GATEWAY_PORT}"
export DEMO_SITE_PORT=$((WEB_PORT + 2))
export SMTP_PORT=$((WEB_PORT + 3))
export MAIL_CATCHER_HTTP_PORT=$((WEB_PORT + 4))
# The Meta Graph stand-in (packages/testing/src/meta-graph): tests start it on this port.
export CHANNEL_SIMULATOR_PORT=$((WEB_PORT + 5))
export META_GRAPH_URL="http://127.0.0.1:${CHANNEL_SIMULATOR_PORT}"
# The Twilio stand-in (packages/testing/src/twilio): tests start it on this port.
export TWILIO_STANDIN_PORT=$((WEB_PORT + 6))
export TWILIO_API_URL="http://127.0.0.1:${TWILIO_STANDIN_PORT}"
# The Telegram Bot API stand-in (packages/testing/src/telegram): tests and the simulator start it here.
export TELEGRAM_STANDIN_PORT=$((WEB_PORT + 8))
export TELEGRAM_API_URL="http://127.0.0.1:${TELEGRAM_STANDIN_PORT}"
export STORAGE_DIR="${TMPDIR:-/tmp}/forecourt-test${SLOT:+-$SLOT}/storage"
unset APP_DATABASE_URL
# The e-mail channel's SMTP ingress (apps/mail-ingress); no DNS here for SPF/DKIM/DMARC.
export SMTP_INGRESS_PORT=$((WEB_PORT + 7))
export EMAIL_AUTH_DNS=off
# Public API limits small enough that a test can reach them (server/api/api.integration.test.ts).
export API_RATE_LIMIT_PER_KEY_MINUTE=100
export API_RATE_LIMIT_PER_TENANT_MINUTE=1000
# Outbound webhooks: tests deliver to receivers on 127.0.0.1, and retry in milliseconds, not minutes.
export WEBHOOK_ALLOW_PRIVATE_TARGETS=true
# Web Push: tests run a push service stand-in on 127.0.0.1 (core/push/push.integration.test.ts).
export PUSH_SERVICE_HOSTS="fcm.googleapis.com,*.push.services.mozilla.com,*.notify.windows.com,*.push.apple.com,127.0.0.1"
export WEBHOOK_BACKOFF_BASE_MS=20
export WEBHOOK_MAX_ATTEMPTS=4
