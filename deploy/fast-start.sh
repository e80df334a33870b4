#!/usr/bin/env bash
# The gateway's fast start outside a container: the JVM's own start-up cache, made once per jar and JDK.
#
#   deploy/fast-start.sh [app arguments...]      e.g.  deploy/fast-start.sh --spring.profiles.active=sim
#   deploy/fast-start.sh --prepare               only make the cache (bench/run.sh, CI, an install step)
#
# JDK 25 and later: the AOT cache (-XX:AOTCache, JEP 483/514/515: classes loaded, linked and profiled ahead).
# JDK 17 to 24: a CDS archive (-XX:SharedArchiveFile: classes parsed and verified ahead).
# Both need a plain class path, so the jar is extracted once (Spring Boot's jarmode=tools: a thin jar + lib/),
# then a training run starts the app in simulator mode (no TWS, no network needed) and writes the cache (below).
# A new jar or another JDK makes a new cache. Environment:
# JAVA (default: java on PATH), JAR (default target/trader-gateway.jar), FAST_START_DIR (default target/fast-start).
set -euo pipefail
JAVA=${JAVA:-java}
JAR=${JAR:-target/trader-gateway.jar}
DIR=${FAST_START_DIR:-target/fast-start}
THIN=$DIR/$(basename "$JAR")   # the extracted (thin) jar keeps the name of the jar it came from

feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${feature%%.*}" -ge 25 ]; then
  cache=$DIR/app-jdk$feature.aot; make=-XX:AOTCacheOutput=$cache; use=-XX:AOTCache=$cache
else
  cache=$DIR/app-jdk$feature.jsa; make=-XX:ArchiveClassesAtExit=$cache; use=-XX:SharedArchiveFile=$cache
fi

if [ ! -f "$THIN" ] || [ "$JAR" -nt "$THIN" ]; then
  rm -rf "$DIR"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
fi
# The training run goes as far as a user does: it starts the app in simulator mode, waits for readiness (the TWS
# session up, the web server listening), makes the requests a client makes first, then stops it normally (SIGTERM):
# the JVM writes the cache as it exits, with the classes (and, on JDK 25, the method profiles) of the web server's
# start, the TWS session and the request path in it. Without curl it falls back to stopping once the context has
# refreshed (Spring's spring.context.exit=onRefresh), which leaves those out.
train() {
  # the training run's own store, by an absolute path (H2 refuses a relative one without ./)
  local log=$DIR/training-jdk$feature.log pid port="" path i requests=0 store
  store=$(cd "$DIR" && pwd)/training-data
  if ! command -v curl >/dev/null 2>&1; then
    "$JAVA" "$make" -Dspring.context.exit=onRefresh -jar "$THIN" --spring.profiles.active=sim --server.port=0 \
      --gateway.ib-status.enabled=false --gateway.data-dir="$store" >"$log" 2>&1
    return
  fi
  "$JAVA" "$make" -jar "$THIN" --spring.profiles.active=sim --server.port=0 --server.address=127.0.0.1 \
    --gateway.ib-status.enabled=false --gateway.data-dir="$store" >"$log" 2>&1 &
  pid=$!
  for i in $(seq 1 1800); do   # up to 3 minutes on a loaded machine
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
    if [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    kill -0 "$pid" 2>/dev/null || { wait "$pid"; return 1; }
    port=""; sleep 0.1
  done
  if [ -z "$port" ]; then kill "$pid"; wait "$pid" || true; return 1; fi
  for i in 1 2 3; do
    for path in /api/v1/positions /api/v1/accounts /api/v1/status /actuator/health /livez /readyz; do
      curl -s -o /dev/null "http://127.0.0.1:$port$path" && requests=$((requests + 1))
    done
  done
  kill -TERM "$pid"
  wait "$pid" || true   # a JVM stopped by SIGTERM exits with 143; the cache file is the check
  [ -f "$cache" ] && echo "fast-start: trained through readiness and $requests requests" >&2
}

if [ ! -f "$cache" ]; then
  echo "fast-start: one training run for JDK $feature (seconds, once per jar) ..." >&2
  train || { echo "fast-start: training failed, see $DIR/training-jdk$feature.log" >&2; exit 1; }
fi
[ "${1:-}" = "--prepare" ] && exit 0
exec "$JAVA" "$use" -jar "$THIN" "$@"
