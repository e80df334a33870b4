#!/usr/bin/env bash
# Trader Gateway benchmark suite. Each benchmark prints one line:
#   name | figure | baseline | ratio | target | verdict
# and the whole table is written to BENCHMARKS.md. Baselines are taken in the same run, side by side,
# because these machines are shared and noisy: compare ratios, not absolute numbers.
#
#   bench/run.sh           full run (a few minutes)
#   bench/run.sh --smoke   seconds, tiny sizes: proves the suite still works (CI runs this)
set -euo pipefail
cd "$(dirname "$0")/.."

SMOKE=0
[ "${1:-}" = "--smoke" ] && SMOKE=1
if [ "$SMOKE" = 1 ]; then
  WRK_SECONDS=2; WRK_CONNECTIONS=4; JMH_ARGS="-f 1 -wi 1 -w 1s -i 1 -r 1s"; BARS=2000
else
  WRK_SECONDS=10; WRK_CONNECTIONS=16; JMH_ARGS="-f 1 -wi 3 -w 2s -i 5 -r 2s"; BARS=100000
fi
OUT=target/bench
mkdir -p "$OUT"
RESULTS="$OUT/results.txt"
: > "$RESULTS"
APP_PID=""

log() { echo "[bench] $*" >&2; }
now_ms() { date +%s%3N; }
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true; }
trap cleanup EXIT

# ---- tools: wrk from Debian's packages, JMH from Maven Central (through the build)
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing wrk (Debian package)"
    apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is required: apt-get install wrk" >&2; exit 1
  fi
fi

log "building"
./mvnw -B -q -DskipTests package test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
JAR=target/trader-gateway.jar

# result NAME FIGURE BASELINE RATIO TARGET VERDICT
result() {
  printf '%s | %s | %s | %s | %s | %s\n' "$@" | tee -a "$RESULTS"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_app PORT [app args...]: starts the gateway in sim mode (JVM options in $JAVA_OPTS), sets APP_PID
start_app() {
  local port=$1; shift
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=sim --server.port="$port" \
    --gateway.ib-status.enabled=false --logging.level.root=WARN --logging.level.io.tradergateway=WARN "$@" \
    >"$OUT/app-$port.log" 2>&1 &
  APP_PID=$!
}

# wait_ready PORT: blocks until readiness is UP; prints ms waited
wait_ready() {
  local port=$1 start; start=$(now_ms)
  for _ in $(seq 1 3000); do
    if curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then
      echo $(( $(now_ms) - start )); return 0
    fi
    sleep 0.01
  done
  echo "app on $port never became ready; log:" >&2; tail -30 "$OUT/app-$port.log" >&2; return 1
}

stop_app() { [ -n "$APP_PID" ] && kill "$APP_PID" && wait "$APP_PID" 2>/dev/null || true; APP_PID=""; }

rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

# wrk_run URL -> "rps p99_ms"
wrk_run() {
  local url=$1
  wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --latency "$url" > "$OUT/wrk.txt"
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.txt")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$OUT/wrk.txt")
  echo "$rps $p99"
}

ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}' if b else 'n/a')" "$1" "$2"; }
verdict() { python3 -c "import sys; v=float(sys.argv[1]); op=sys.argv[2]; t=float(sys.argv[3]); print('met' if (v>=t if op=='>=' else v<=t) else 'MISSED')" "$1" "$2" "$3"; }

# ---- 6. start-up: process start to readiness UP, and resident memory after start
bench_startup() {
  local port; port=$(free_port)
  local t0; t0=$(now_ms)
  start_app "$port"
  wait_ready "$port" >/dev/null
  local plain=$(( $(now_ms) - t0 )) rss; rss=$(rss_mib "$APP_PID")
  stop_app

  # The same with Spring Boot's CDS recipe: extract the jar, train once with -XX:ArchiveClassesAtExit
  # (spring.context.exit=onRefresh stops the training run after the context refreshed), then run with the archive.
  local dir=$OUT/extracted cds=$OUT/extracted/app.jsa with_cds="n/a"
  rm -rf "$dir"
  java -Djarmode=tools -jar "$JAR" extract --destination "$dir" >/dev/null
  local ejar; ejar=$(ls "$dir"/*.jar | head -1)
  java -XX:ArchiveClassesAtExit="$cds" -Dspring.context.exit=onRefresh -jar "$ejar" \
    --spring.profiles.active=sim --server.port=0 >"$OUT/cds-training.log" 2>&1 || true
  if [ -f "$cds" ]; then
    local port2; port2=$(free_port); t0=$(now_ms)
    java -XX:SharedArchiveFile="$cds" -jar "$ejar" --spring.profiles.active=sim --server.port="$port2" \
      --logging.level.root=WARN >"$OUT/app-cds.log" 2>&1 &
    APP_PID=$!
    wait_ready "$port2" >/dev/null
    with_cds=$(( $(now_ms) - t0 ))
    stop_app
  fi
  result "startup-to-ready (sim)" "${plain} ms" "with CDS: ${with_cds} ms" "$(ratio "$with_cds" "$plain")" "< 2500 ms" "$(verdict "$plain" '<=' 2500)"
  result "rss-after-start" "${rss} MiB" "-" "-" "report" "-"
}

# ---- 1. read throughput: a data endpoint against a trivial endpoint of the same app, same run
bench_read() {
  local port=$1 path=$2
  read -r base_rps base_p99 < <(wrk_run "http://127.0.0.1:$port/actuator/health/liveness")
  read -r rps p99 < <(wrk_run "http://127.0.0.1:$port$path")
  result "read $path req/s" "$rps" "liveness $base_rps" "$(ratio "$rps" "$base_rps")" ">= 0.8" "$(verdict "$(ratio "$rps" "$base_rps")" '>=' 0.8)"
  result "read $path p99" "${p99} ms" "liveness ${base_p99} ms" "$(ratio "$p99" "$base_p99")" "report" "-"
}

# ---- 7. recovery: simulator accepts again -> readiness UP, beyond the backoff step in force
bench_recovery() {
  local port=$1 refuse=3
  curl -sf -X POST "http://127.0.0.1:$port/sim/refuse?seconds=$refuse" >/dev/null
  curl -sf -X POST "http://127.0.0.1:$port/sim/disconnect" >/dev/null
  local accepts_at=$(( $(now_ms) + refuse * 1000 ))
  sleep 0.2
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do sleep 0.01; done
  local ready_at; ready_at=$(now_ms)
  local next; next=$(curl -sf "http://127.0.0.1:$port/api/v1/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["tws"].get("reconnects",0))')
  local recovery=$(( ready_at - accepts_at ))
  # The backoff step in force when the simulator accepts again bounds how late the next attempt can be.
  local step; step=$(python3 - "$refuse" <<'PY'
import sys
refuse = float(sys.argv[1]) * 1000
delay, t = 1000.0, 0.0
while t + delay <= refuse:      # attempts made while refusing: 1 s, 2 s, 4 s, ... (capped at 30 s)
    t += delay
    delay = min(delay * 2, 30000.0)
print(int(delay))
PY
)
  result "recovery (accepting -> ready)" "${recovery} ms" "backoff step ${step} ms" "-" "< step + 1000 ms" "$(verdict "$recovery" '<=' $(( step + 1000 )))"
}

# ---- 2. isolation: positions p99 while history requests wait behind pacing, against idle p99
bench_isolation() {
  local port=$1 n=50
  read -r _ idle_p99 < <(wrk_run "http://127.0.0.1:$port/api/v1/positions")
  local base; base=$(date -u -d 2026-02-27T20:00:00Z +%s)   # a Friday, 15:00 New York: inside RTH
  local i pids=()
  for i in $(seq 1 "$n"); do   # distinct small-bar requests on one contract: the 2 s burst rule queues them
    curl -s -o /dev/null "http://127.0.0.1:$port/api/v1/history?conId=265598&barSize=5s&duration=1800%20S&end=$(date -u -d @$(( base - i * 60 )) +%Y-%m-%dT%H:%M:%SZ)" &
    pids+=($!)
  done
  sleep 1   # let them reach the pacer
  local queued; queued=$(curl -s "http://127.0.0.1:$port/actuator/prometheus" | awk '/^history_pacer_queued/ {print $2}' | head -1)
  read -r _ busy_p99 < <(wrk_run "http://127.0.0.1:$port/api/v1/positions")
  result "isolation: positions p99, ${queued:-?} history queued" "${busy_p99} ms" "idle ${idle_p99} ms" "$(ratio "$busy_p99" "$idle_p99")" "<= 2.0" "$(verdict "$(ratio "$busy_p99" "$idle_p99")" '<=' 2.0)"
  wait "${pids[@]}"   # only the requests: the app is a child too
}

# ---- 3. pacing efficiency: distinct small-bar requests against the enforcing simulator, windows scaled
bench_pacing() {
  local requests=$1 scale=0.05 port; port=$(free_port)
  start_app "$port" --gateway.simulator.pacing-window-scale=$scale \
    --gateway.history.pacing.identical-window=750ms --gateway.history.pacing.burst-window=100ms \
    --gateway.history.pacing.rate-window=30s --gateway.history.pacing.max-wait=120s \
    --gateway.history.max-concurrent-requests=200 --server.tomcat.threads.max=250
  wait_ready "$port" >/dev/null
  curl -sf "http://127.0.0.1:$port/api/v1/contracts/265598" >/dev/null
  local base t0 i pids=()
  base=$(date -u -d 2026-02-27T20:00:00Z +%s)   # a Friday, 15:00 New York: inside RTH
  t0=$(now_ms)
  for i in $(seq 1 "$requests"); do
    curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$port/api/v1/history?conId=265598&barSize=5s&duration=1800%20S&end=$(date -u -d @$(( base - i * 60 )) +%Y-%m-%dT%H:%M:%SZ)" >> "$OUT/pacing-codes.txt" &
    pids+=($!)
  done
  wait "${pids[@]}"
  local total=$(( $(now_ms) - t0 ))
  local violations; violations=$(curl -s "http://127.0.0.1:$port/sim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pacingViolations"])')
  local ok; ok=$(sort "$OUT/pacing-codes.txt" | uniq -c | awk '{printf "%s%s x%s", (NR>1?", ":""), $2, $1}'); rm -f "$OUT/pacing-codes.txt"
  stop_app
  # the fastest schedule IB's rules allow (greedy earliest send: optimal for sliding-window limits)
  local minimum; minimum=$(python3 - "$requests" <<'PY'
import sys
n = int(sys.argv[1]); rate_max, rate_win, burst_max, burst_win = 60, 30000, 5, 100  # ms, scaled by 1/20
sends = []
for i in range(n):
    t = 0
    if i >= rate_max: t = max(t, sends[i - rate_max] + rate_win)
    if i >= burst_max: t = max(t, sends[i - burst_max] + burst_win)
    if i: t = max(t, sends[i - 1])
    sends.append(t)
print(sends[-1])
PY
)
  result "pacing: $requests requests (HTTP $ok)" "${total} ms, ${violations} violations" "rules allow ${minimum} ms" "$(ratio "$total" "$(( minimum > 0 ? minimum : 1 ))")" "<= 1.10, 0 violations" "$( [ "$violations" = 0 ] && verdict "$(ratio "$total" "$(( minimum > 0 ? minimum : 1 ))")" '<=' 1.10 || echo MISSED)"
}

# ---- 4. protocol decode: JMH on the project's codec (bars/s, bytes allocated per bar)
bench_decode() {
  local cp; cp="target/classes:target/test-classes:$(cat target/test-classpath.txt)"
  java -cp "$cp" org.openjdk.jmh.Main ProtocolDecodeBenchmark $JMH_ARGS -prof gc -rf json -rff "$OUT/jmh.json" >"$OUT/jmh.txt" 2>&1
  read -r rate alloc < <(python3 - "$OUT/jmh.json" <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))[0]
rate = run["primaryMetric"]["score"]
alloc = run["secondaryMetrics"].get("gc.alloc.rate.norm", {}).get("score", float("nan"))
print(f"{rate:.0f} {alloc:.0f}")
PY
)
  result "decode historical bars" "$rate bars/s" "-" "-" ">= 2000000" "$(verdict "$rate" '>=' 2000000)"
  result "decode allocation" "$alloc B/bar" "-" "-" "report" "-"
}

# ---- 5. big history end to end: one year of 1-min bars as JSON and as CSV, time and heap growth
heap_used() { curl -s "http://127.0.0.1:$1/actuator/prometheus" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}'; }
bench_big_history() {
  local port=$1 days=$2 fmt accept what
  local url="http://127.0.0.1:$port/api/v1/history?conId=272093&barSize=1m&start=$(date -u -d "2026-02-01 - $days days" +%Y-%m-%dT00:00:00Z)&end=2026-02-01T00:00:00Z"
  for fmt in json csv; do
    accept=$([ "$fmt" = csv ] && echo text/csv || echo application/json)
    what=$([ "$fmt" = csv ] && echo MIDPOINT || echo TRADES)
    local t0 cold warm bars before peak after h
    t0=$(now_ms); curl -s -H "Accept: $accept" "$url&whatToShow=$what" -o "$OUT/big.$fmt"; cold=$(( $(now_ms) - t0 ))
    # the cached repeat streams the same bars without TWS: heap measured around it
    jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
    before=$(heap_used "$port"); peak=$before
    t0=$(now_ms)
    curl -s -H "Accept: $accept" "$url&whatToShow=$what" -o "$OUT/big.$fmt" &
    local pid=$!
    while kill -0 "$pid" 2>/dev/null; do h=$(heap_used "$port"); [ "${h:-0}" -gt "$peak" ] && peak=$h; sleep 0.02; done
    warm=$(( $(now_ms) - t0 ))
    jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
    after=$(heap_used "$port")
    if [ "$fmt" = csv ]; then bars=$(( $(wc -l < "$OUT/big.csv") - 1 )); else bars=$(python3 -c "import json; print(len(json.load(open('$OUT/big.json'))['bars']))"); fi
    result "history $bars 1-min bars as $fmt (cached)" "${warm} ms" "first fetch from TWS ${cold} ms" "$(ratio "$warm" "$cold")" "< 1000 ms" "$(verdict "$warm" '<=' 1000)"
    result "history $fmt heap while streaming" "peak +$(( peak - before )) MiB (uncollected garbage included)" "retained after GC +$(( after - before )) MiB" "-" "< 64 MiB" "$(verdict "$(( peak - before ))" '<=' 64)"
  done
}

main() {
  if [ -n "${ONLY:-}" ]; then   # ONLY=pacing bench/run.sh: one benchmark, for working on it
    case "$ONLY" in
      pacing) bench_pacing 120 ;;
      decode) bench_decode ;;
      *) echo "ONLY=pacing|decode" >&2; exit 2 ;;
    esac
    return
  fi
  bench_startup
  local port; port=$(free_port)
  start_app "$port"
  wait_ready "$port" >/dev/null
  bench_read "$port" /api/v1/positions
  bench_isolation "$port"
  bench_big_history "$port" "$([ "$SMOKE" = 1 ] && echo 5 || echo 365)"
  bench_recovery "$port"
  stop_app
  bench_pacing "$([ "$SMOKE" = 1 ] && echo 12 || echo 120)"
  bench_decode
  write_report
}

write_report() {
  local cores jdk cmd="bench/run.sh${1:+ $1}"
  cores=$(nproc); jdk=$(java -version 2>&1 | head -1)
  {
    echo "# Benchmarks"
    echo
    echo "Generated by \`bench/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ); do not edit by hand."
    echo "Machine: ${cores} cores, ${jdk}. Mode: $([ "$SMOKE" = 1 ] && echo smoke || echo full)."
    echo
    echo "| benchmark | figure | baseline (same run) | ratio | target | verdict |"
    echo "|---|---|---|---|---|---|"
    sed 's/^/| /; s/$/ |/' "$RESULTS"
    echo
    echo "What the targets mean: see the Benchmarks section of README.md."
  } > "$OUT/BENCHMARKS.md"
  if [ "$SMOKE" = 0 ]; then cp "$OUT/BENCHMARKS.md" BENCHMARKS.md; fi
  log "report: $OUT/BENCHMARKS.md"
}

main
