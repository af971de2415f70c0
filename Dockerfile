# Compliance Hub: the image that infra/arm/region/azuredeploy.json runs on Container Apps
# (<registry>/compliance-hub:<hubImageTag>). Build it from the repository root:
#   az acr build --registry <registry> --image compliance-hub:1.0.0 .
# ContainerImageTest checks this file against the template (port, probes, user, entry point, pinned bases).

# ---- build: the Maven wrapper on a full JDK, then Spring Boot's layered extraction --------------------------
FROM docker.io/library/eclipse-temurin:17.0.16_8-jdk-noble AS build
WORKDIR /build
# the wrapper and the POM first, so that the dependency layer is rebuilt only when the POM changes
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -ntp -Dmaven.test.skip=true dependency:go-offline
COPY src/main/ src/main/
COPY examples/sample-request.json examples/
# -Dmaven.test.skip: no test sources are compiled (the image holds none) and the Node console tests are skipped
RUN ./mvnw -B -ntp -Dmaven.test.skip=true -DskipTests package \
 && java -Djarmode=tools -jar target/compliance-hub-*.jar extract --layers --launcher --destination /layers

# ---- runtime: a maintained JRE, non-root, one image layer per Spring Boot layer --------------------------
# Java 25 for virtual threads (spring.threads.virtual.enabled, issue 25): a job waiting on the LLM holds no platform
# thread. The jar is compiled for Java 17 (the build stage and the developers' default JDK) and runs on either.
FROM docker.io/library/eclipse-temurin:25.0.3_9-jre-noble
RUN groupadd --system --gid 10001 hub \
 && useradd --system --uid 10001 --gid hub --home-dir /app --shell /usr/sbin/nologin hub \
 && mkdir -p /app/data && chown hub:hub /app/data
WORKDIR /app
# least to most frequently changed: libraries, the loader, snapshot libraries, then the hub's own classes
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER 10001:10001
# server.port (PORT); the template's ingress targetPort and its startup, liveness and readiness probes
# (/actuator/health/liveness, /actuator/health/readiness) use it. Container Apps ignores a HEALTHCHECK.
ENV PORT=8080
EXPOSE 8080
# container-aware heap: 75 % of the container's memory limit (2Gi in the template), exit on OOM so the platform
# restarts the replica; add flags through JAVA_TOOL_OPTIONS
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:InitialRAMPercentage=25.0", "-XX:+ExitOnOutOfMemoryError", \
            "org.springframework.boot.loader.launch.JarLauncher"]
