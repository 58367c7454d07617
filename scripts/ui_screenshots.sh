#!/usr/bin/env bash
# Screenshots of what a user sees in the Prefect UI after `aspects learn` (README, docs/img/):
# a throw-away `prefect server start`, one learned video, headless Chromium on the flow run and artifact pages.
# Usage: scripts/ui_screenshots.sh VIDEO.mp4 OUT_DIR
set -euo pipefail
video=$(realpath "$1"); out=$(realpath -m "$2"); mkdir -p "$out"
here=$(cd "$(dirname "$0")/.." && pwd); bin="$here/.venv/bin"
work=$(mktemp -d); port=$("$bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export PREFECT_HOME="$work/prefect-home" PREFECT_API_URL="http://127.0.0.1:$port/api" ASPECTS_DATA_DIR="$work/data" PREFECT_SERVER_ANALYTICS_ENABLED=false
setsid "$bin/prefect" server start --host 127.0.0.1 --port "$port" > "$work/server.log" 2>&1 & server=$!
trap 'kill -- -$server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 600); do curl -sf "$PREFECT_API_URL/health" > /dev/null && break; sleep 0.5; done
"$bin/aspects" learn "$video" > /dev/null
read -r run artifact < <("$bin/python" - <<'PY'
from prefect.client.orchestration import get_client
with get_client(sync_client=True) as c:
    a = next(a for a in c.read_artifacts() if (a.key or "").startswith("video-"))
    print(a.flow_run_id, a.id)
PY
)
shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1400,1100 --virtual-time-budget=15000 --screenshot="$out/$1" "http://127.0.0.1:$port$2" 2> /dev/null; }
shot prefect-flow-run.png "/runs/flow-run/$run"
shot prefect-artifact.png "/artifacts/artifact/$artifact"
echo "$out/prefect-flow-run.png $out/prefect-artifact.png"
