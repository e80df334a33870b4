#!/usr/bin/env bash
# The gateway's fast start outside a container: the JVM's own start-up cache, made once per jar and JDK.
#
#   deploy/fast-start.sh [app arguments...]      e.g.  deploy/fast-start.sh --spring.profiles.active=sim
#   deploy/fast-start.sh --prepare               only make the cache (bench/run.sh, CI, an install step)
#
# JDK 25 and later: the AOT cache (-XX:AOTCache, JEP 483/514/515: classes loaded, linked and profiled ahead).
# JDK 17 to 24: a CDS archive (-XX:SharedArchiveFile: classes parsed and verified ahead).
# Both need a plain class path, so the jar is extracted once (Spring Boot's jarmode=tools: a thin jar + lib/),
# then a training run starts the app in simulator mode (no TWS, no network needed), stops it as soon as the
# context has refreshed and writes the cache. A new jar or another JDK makes a new cache. Environment:
# JAVA (default: java on PATH), JAR (default target/trader-gateway.jar), FAST_START_DIR (default target/fast-start).
set -euo pipefail
JAVA=${JAVA:-java}
JAR=${JAR:-target/trader-gateway.jar}
DIR=${FAST_START_DIR:-target/fast-start}

feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
if [ "${feature%%.*}" -ge 25 ]; then
  cache=$DIR/app-jdk$feature.aot; make=-XX:AOTCacheOutput=$cache; use=-XX:AOTCache=$cache
else
  cache=$DIR/app-jdk$feature.jsa; make=-XX:ArchiveClassesAtExit=$cache; use=-XX:SharedArchiveFile=$cache
fi

if [ ! -f "$DIR/trader-gateway.jar" ] || [ "$JAR" -nt "$DIR/trader-gateway.jar" ]; then
  rm -rf "$DIR"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$DIR" >/dev/null
fi
if [ ! -f "$cache" ]; then
  echo "fast-start: one training run for JDK $feature (a few seconds, once per jar) ..." >&2
  "$JAVA" "$make" -Dspring.context.exit=onRefresh -jar "$DIR/trader-gateway.jar" \
    --spring.profiles.active=sim --server.port=0 --gateway.ib-status.enabled=false >"$DIR/training-jdk$feature.log" 2>&1 \
    || { echo "fast-start: training failed, see $DIR/training-jdk$feature.log" >&2; exit 1; }
fi
[ "${1:-}" = "--prepare" ] && exit 0
exec "$JAVA" "$use" -jar "$DIR/trader-gateway.jar" "$@"
