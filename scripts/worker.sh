#!/usr/bin/env bash
# Start the registries' Worker locally with its own D1 database (wrangler dev: workerd + a
# local SQLite-backed D1, no Cloudflare account, no network). Used by `make worker`.
#
#   scripts/worker.sh            # http://127.0.0.1:8787, state under worker/.wrangler/state
#   PORT=8790 scripts/worker.sh
#
# Then point the loop at it:
#   export ASPECTS_D1_TARGET=worker ASPECTS_D1_URL=http://127.0.0.1:8787
#   export ASPECTS_D1_TOKEN=$(sed -n 's/^AUTH_TOKEN=//p' worker/.dev.vars)
set -euo pipefail

cd "$(dirname "$0")/../worker"
PORT="${PORT:-8787}"
HOST="${HOST:-127.0.0.1}"
PERSIST_TO="${PERSIST_TO:-.wrangler/state}"
# No telemetry and no lookup of Cloudflare's Request.cf data: this runs offline.
export WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false

# Install wrangler from the lock file when it is missing or older than the lock.
if [ ! -x node_modules/.bin/wrangler ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The bearer token lives in .dev.vars (git-ignored); made once, then kept.
if [ ! -s .dev.vars ] || ! grep -q '^AUTH_TOKEN=' .dev.vars; then
  umask 077
  echo "AUTH_TOKEN=$(node -e 'console.log(require("crypto").randomBytes(24).toString("hex"))')" >> .dev.vars
  echo "worker.sh: wrote a new AUTH_TOKEN to worker/.dev.vars"
fi

npx wrangler d1 migrations apply aspects --local --persist-to "$PERSIST_TO"

echo "worker.sh: serving on http://$HOST:$PORT (token: AUTH_TOKEN in worker/.dev.vars)"
exec npx wrangler dev --local --ip "$HOST" --port "$PORT" --persist-to "$PERSIST_TO" --show-interactive-dev-session=false
