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
# Split the jar into layers (libraries change rarely, our classes often) for smaller image updates.
RUN java -Djarmode=tools -jar target/trader-gateway.jar extract --layers --launcher --destination target/extracted

# --- runtime: JRE only, non-root ---------------------------------------------------------------------
FROM eclipse-temurin:25-jre
RUN groupadd --system --gid 10001 gateway \
 && useradd --system --uid 10001 --gid gateway --no-create-home --shell /usr/sbin/nologin gateway
WORKDIR /app
COPY --from=build /build/target/extracted/dependencies/ ./
COPY --from=build /build/target/extracted/spring-boot-loader/ ./
COPY --from=build /build/target/extracted/snapshot-dependencies/ ./
COPY --from=build /build/target/extracted/application/ ./
USER 10001:10001
# In a container the gateway must listen beyond loopback to be reachable at all. The JVM sizes its heap
# from the container's memory limit (75%, leaving room for metaspace, threads and buffers) and exits on
# OutOfMemoryError so the orchestrator restarts it rather than leaving it half-alive.
ENV SERVER_ADDRESS=0.0.0.0 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
