# Trader Gateway image. Build: docker build -t trader-gateway:0.1.0 .
# Run:   docker run -p 8080:8080 -e GATEWAY_SECURITY_API_KEYS=... -e GATEWAY_TWS_HOST=... trader-gateway:0.1.0
# The image listens on every interface, so it refuses to start without API keys (see README, Security).

# --- build: the same wrapper and Maven as on a developer machine -------------------------------------
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# Dependencies in their own layer: re-downloaded only when pom.xml changes.
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
# Tests ran in CI (./mvnw -B verify); here only the jar is made.
RUN ./mvnw -B -q -DskipTests package
# Split the jar into layers (libraries change rarely, our classes often) for smaller image updates. Without
# --launcher: the app then runs as a plain jar with lib/ on its class path, which the JVM's AOT cache can store
# (it keeps only classes from the class path, not from Spring Boot's nested-jar class loader).
RUN java -Djarmode=tools -jar target/trader-gateway.jar extract --layers --destination target/extracted

# --- runtime: JRE only, non-root ---------------------------------------------------------------------
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 gateway \
 && useradd --system --uid 10001 --gid gateway --no-create-home --shell /usr/sbin/nologin gateway
WORKDIR /app
COPY --from=build /build/target/extracted/dependencies/ ./
COPY --from=build /build/target/extracted/spring-boot-loader/ ./
COPY --from=build /build/target/extracted/snapshot-dependencies/ ./
COPY --from=build /build/target/extracted/application/ ./
# JDK 25's AOT cache (JEP 483/514/515): a training run starts the app once (simulator mode, so it loads and links
# the TWS client, the simulator and the whole web stack without needing a TWS or the network), stops after the
# context refreshed and writes app.aot; every start then maps those classes loaded, linked and profiled, instead
# of reading, verifying and interpreting them again. Same JVM, same jars, same options as the ENTRYPOINT, or the
# JVM ignores the cache. Both also use Spring's AOT-processed context (-Dspring.aot.enabled=true, made by the build's
# process-aot), and core reflection through native accessors (deploy/fast-start.sh says why). bench/run.sh
# measures the gain; DockerfileIT replays this step on the built jar.
RUN java -XX:AOTCacheOutput=app.aot -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError \
        -Dspring.aot.enabled=true -Djdk.reflect.useNativeAccessorOnly=true -Dspring.context.exit=onRefresh \
        -jar trader-gateway.jar \
        --spring.profiles.active=sim --server.port=0 --gateway.ib-status.enabled=false \
        --gateway.data-dir=/tmp/training-store \
 && rm -rf /tmp/training-store \
 && mkdir -p /data && chown 10001:10001 /data
USER 10001:10001
# In a container the gateway must listen beyond loopback to be reachable at all. The JVM sizes its heap
# from the container's memory limit (75%, leaving room for metaspace, threads and buffers) and exits on
# OutOfMemoryError so the orchestrator restarts it rather than leaving it half-alive.
# The embedded history store lives in /data (mount a volume there), unless the datasource is PostgreSQL.
ENV SERVER_ADDRESS=0.0.0.0 \
    GATEWAY_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-Dspring.aot.enabled=true", "-Djdk.reflect.useNativeAccessorOnly=true", "-jar", "trader-gateway.jar"]
