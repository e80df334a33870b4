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
# Every start here (training included) also uses Spring's AOT-processed context (-Dspring.aot.enabled=true: the
# bean definitions the build worked out, pom.xml process-aot), so no class scanning or condition evaluation either.
# A new jar or another JDK makes a new cache. Environment:
# JAVA (default: java on PATH), JAR (default target/trader-gateway.jar), FAST_START_DIR (default target/fast-start).
set -euo pipefail
JAVA=${JAVA:-java}
JAR=${JAR:-target/trader-gateway.jar}
DIR=${FAST_START_DIR:-target/fast-start}
SPRING_AOT=-Dspring.aot.enabled=true
# Core reflection through native accessors (JDK 18+; JDK 17 ignores it): Spring's start-up calls thousands of
# constructors, factory methods and setters once each, and the default accessors spin method handles (and their
# lambda forms) for every one. Measured on JDK 25 with the AOT cache, interleaved: 7-13 % less wall time and CPU to
# readiness; the positions read's cost per request did not change (bench/run.sh ONLY=positions, with and without).
NATIVE_REFLECTION=-Djdk.reflect.useNativeAccessorOnly=true
THIN=$DIR/$(basename "$JAR")   # the extracted (thin) jar keeps the name of the jar it came from

feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${feature%%.*}" -ge 25 ]; then
  cache=$DIR/app-jdk$feature.aot; make=-XX:AOTCacheOutput=; use=-XX:AOTCache=
else
  cache=$DIR/app-jdk$feature.jsa; make=-XX:ArchiveClassesAtExit=; use=-XX:SharedArchiveFile=
fi

if [ ! -f "$THIN" ] || [ "$JAR" -nt "$THIN" ]; then
  rm -rf "$DIR"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
fi
# The training run goes as far as a user does: it starts the app in simulator mode, waits for readiness (the TWS
# session up, the web server listening), makes the requests a client makes first, then ends the app through the
# actuator's shutdown endpoint (exposed for this run only): the context closes, its threads end and the JVM exits
# on its own, writing the cache with the classes (and, on JDK 25, the method profiles) of the web server's start,
# the TWS session and the request path. Not SIGTERM: that exits through Runtime.exit while the context's last
# non-daemon thread ending lets the launcher's DestroyJavaVM exit too; before JDK 21 both paths can run the
# dynamic dump at once and the JVM crashes in it (JDK-8304147, intermittent; SIGTERM is only the fallback here).
# The cache is written under a temporary name and becomes $cache only once the JVM exited cleanly and a JVM told
# to refuse a bad cache accepts it; a failed training is retried once from scratch. Without curl it stops once
# the context has refreshed (Spring's spring.context.exit=onRefresh), which leaves the web path out.
part=$cache.part
train_once() {
  # the training run's own store, by an absolute path (H2 refuses a relative one without ./)
  local log=$DIR/training-jdk$feature.log pid port="" path i requests=0 store rc=0
  store=$(cd "$DIR" && pwd)/training-data
  local jvm=("$JAVA" "$make$part" "-XX:ErrorFile=$DIR/hs_err_training_%p.log" "$SPRING_AOT" "$NATIVE_REFLECTION")
  rm -f "$part"
  if ! command -v curl >/dev/null 2>&1; then
    "${jvm[@]}" -Dspring.context.exit=onRefresh -jar "$THIN" --spring.profiles.active=sim --server.port=0 \
      --gateway.ib-status.enabled=false --gateway.data-dir="$store" >"$log" 2>&1 || rc=$?
    accept_cache "$rc" "$log" "the context's refresh"
    return
  fi
  "${jvm[@]}" -jar "$THIN" --spring.profiles.active=sim --server.port=0 --server.address=127.0.0.1 \
    --gateway.ib-status.enabled=false --gateway.data-dir="$store" \
    --management.endpoints.web.exposure.include=health,info,prometheus,shutdown \
    --management.endpoint.shutdown.access=unrestricted >"$log" 2>&1 &
  pid=$!
  for i in $(seq 1 1800); do   # up to 3 minutes on a loaded machine
    port=$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$log" | head -1)
    if [ -n "$port" ] && curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    kill -0 "$pid" 2>/dev/null || { wait "$pid" || true; return 1; }
    port=""; sleep 0.1
  done
  if [ -z "$port" ]; then kill "$pid"; wait "$pid" || true; return 1; fi
  for i in 1 2 3; do
    for path in /api/v1/positions /api/v1/accounts /api/v1/status /actuator/health /livez /readyz; do
      curl -s -o /dev/null "http://127.0.0.1:$port$path" && requests=$((requests + 1))
    done
  done
  curl -s -o /dev/null -X POST "http://127.0.0.1:$port/actuator/shutdown" || true
  for i in $(seq 1 1200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # up to 2 minutes
  kill -0 "$pid" 2>/dev/null && kill -TERM "$pid"   # a thread kept the JVM alive: the fallback
  wait "$pid" || rc=$?
  accept_cache "$rc" "$log" "readiness and $requests requests"
}
# accept_cache EXIT_CODE LOG WHAT: the cache the training wrote becomes $cache only if the JVM exited normally
# (0, or 143 after the SIGTERM fallback), did not crash, and a JVM that must use it starts with it
accept_cache() {
  local rc=$1 log=$2 what=$3 strict
  strict=$([ "${feature%%.*}" -ge 25 ] && echo -XX:AOTMode=on || echo -Xshare:on)
  if { [ "$rc" = 0 ] || [ "$rc" = 143 ]; } && ! grep -q 'A fatal error has been detected' "$log" && [ -s "$part" ] \
    && "$JAVA" "$strict" "$use$part" "-XX:ErrorFile=$DIR/hs_err_check_%p.log" -cp "$THIN" -version >>"$log" 2>&1; then
    mv -f "$part" "$cache" && touch "$cache.ok"
    echo "fast-start: trained through $what" >&2
  else
    echo "fast-start: training run failed (exit $rc), its cache discarded, its log kept as $log.failed" >&2
    rm -f "$part"; mv -f "$log" "$log.failed"
    return 1
  fi
}
train() {
  train_once && return 0
  rm -f "$part"; echo "fast-start: retrying the training once" >&2
  train_once && return 0
  rm -f "$part"; return 1
}

# a cache without its mark was not checked (an older script wrote it in place; a crash could have cut it short,
# and a cut archive crashes the JVM that maps it): made again
[ -f "$cache.ok" ] || rm -f "$cache"
if [ ! -f "$cache" ]; then
  echo "fast-start: one training run for JDK $feature (seconds, once per jar) ..." >&2
  train || { echo "fast-start: training failed, see $DIR/training-jdk$feature.log" >&2; exit 1; }
fi
[ "${1:-}" = "--prepare" ] && exit 0
exec "$JAVA" "$use$cache" "$SPRING_AOT" "$NATIVE_REFLECTION" -jar "$THIN" "$@"
