#!/usr/bin/env bash
# A local Ray head for tests, benchmarks and `yarn start`: Ray 2.60.0 from PyPI
# in a virtualenv, token authentication on, dashboard on loopback.
#
#   scripts/ray-head.sh install    # the virtualenv (idempotent; ~650 MiB)
#   scripts/ray-head.sh installed  # exit status: is it installed?
#   scripts/ray-head.sh running    # exit status: does its dashboard answer?
#   scripts/ray-head.sh start      # prints RAY_HEAD_URL=… and RAY_HEAD_TOKEN_FILE=…
#   scripts/ray-head.sh stop       # NB: `ray stop` stops every Ray process of this machine
#
# Overrides: RAY_VENV, RAY_HEAD_DIR, RAY_DASHBOARD_PORT, RAY_NUM_CPUS.
set -euo pipefail

RAY_VERSION=2.60.0
RAY_VENV=${RAY_VENV:-$HOME/.cache/ray-service/ray-venv}
STATE=${RAY_HEAD_DIR:-$HOME/.cache/ray-service/ray-head}
PORT=${RAY_DASHBOARD_PORT:-8265}
CPUS=${RAY_NUM_CPUS:-2}
TOKEN_FILE=$STATE/auth_token
APPS="$(cd "$(dirname "$0")/../examples/ray-apps" && pwd)"

installed() {
  "$RAY_VENV/bin/python" -c "import ray, sys; sys.exit(ray.__version__ != '$RAY_VERSION')" 2>/dev/null
}

# The head's own environment: a HOME of its own (a stray ray.init() writes
# ~/.ray/auth_token), the venv first on PATH (job entrypoints run `python`),
# the example Serve apps importable.
ray_env() {
  env -u RAY_AUTH_TOKEN -u RAY_ADDRESS \
    PATH="$RAY_VENV/bin:$PATH" HOME="$STATE/home" PYTHONPATH="$APPS" \
    RAY_AUTH_MODE=token RAY_AUTH_TOKEN_PATH="$TOKEN_FILE" RAY_USAGE_STATS_ENABLED=0 \
    "$@"
}

# 200 when the head's dashboard answers with its token.
dashboard_status() {
  curl -s -o /dev/null -w '%{http_code}' \
    -H "Authorization: Bearer $(cat "$TOKEN_FILE" 2>/dev/null)" "http://127.0.0.1:$PORT/api/version" || true
}

print_env() {
  echo "RAY_HEAD_URL=http://127.0.0.1:$PORT"
  echo "RAY_HEAD_TOKEN_FILE=$TOKEN_FILE"
}

case "${1:-}" in
  install)
    if ! installed; then
      python3 -m venv "$RAY_VENV"
      "$RAY_VENV/bin/pip" install --quiet --disable-pip-version-check "ray[default,serve]==$RAY_VERSION"
    fi
    ;;
  installed)
    installed
    ;;
  running)
    [ "$(dashboard_status)" = 200 ]
    ;;
  start)
    installed || { echo "Ray $RAY_VERSION is not installed: run $0 install" >&2; exit 1; }
    mkdir -p "$STATE/home" "$STATE/tmp"
    if [ "$(dashboard_status)" = 200 ]; then
      print_env # already running
      exit 0
    fi
    if [ ! -s "$TOKEN_FILE" ]; then
      (umask 077; "$RAY_VENV/bin/python" -c 'import secrets; print(secrets.token_hex(32))' > "$TOKEN_FILE")
    fi
    ray_env "$RAY_VENV/bin/ray" start --head --num-cpus="$CPUS" \
      --node-ip-address=127.0.0.1 --dashboard-host=127.0.0.1 --dashboard-port="$PORT" \
      --disable-usage-stats --temp-dir="$STATE/tmp" >"$STATE/start.log" 2>&1 \
      || { cat "$STATE/start.log" >&2; exit 1; }
    code=000
    for _ in $(seq 1 120); do
      code=$(dashboard_status)
      [ "$code" = 200 ] && break
      sleep 0.5
    done
    [ "$code" = 200 ] || { echo "the Ray dashboard did not answer (last status $code)" >&2; exit 1; }
    print_env
    ;;
  stop)
    if installed; then
      ray_env "$RAY_VENV/bin/ray" stop >"$STATE/stop.log" 2>&1 || true
    fi
    ;;
  *)
    echo "usage: $0 install|installed|running|start|stop" >&2
    exit 2
    ;;
esac
