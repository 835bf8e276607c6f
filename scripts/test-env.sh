# The test command's environment: its own database and Redis prefix, never the development ones.
export APP_ENV=test
export DATABASE_URL="${TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/forecourt_test}"
export REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379/0}"
export REDIS_PREFIX=fc-test
export WEB_PORT="${TEST_WEB_PORT:-3100}"
export WEB_URL="http://localhost:${WEB_PORT}"
unset APP_DATABASE_URL
