# syntax=docker/dockerfile:1.7
# One recipe for every PriceWar image; the service is a build argument:
#   docker build --build-arg SERVICE=ledger-service -t pricewar/ledger-service .
# SERVICE is one of scraper-service, ledger-service, alert-service, devstack (the demo vendor site).

FROM eclipse-temurin:25-jdk AS build
ARG SERVICE
WORKDIR /src
COPY . .
# The reactor builds only the service and the modules it depends on; the Maven cache is kept
# between builds by BuildKit.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -pl "${SERVICE}" -am package -DskipTests
# Spring Boot's layers (dependencies change rarely, the application often) become image layers.
RUN java -Djarmode=tools -jar "${SERVICE}"/target/"${SERVICE}"-*-exec.jar extract --layers --launcher --destination /layers

# JDK 25 runs the Java 21 bytecode, as the test suite does; deploy/jvm.options needs it
# (compact object headers).
FROM eclipse-temurin:25-jre AS run
# curl serves the container health checks against /actuator/health/readiness.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app pricewar
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
COPY deploy/jvm.options ./jvm.options
USER 10001
ENV JDK_JAVA_OPTIONS="@/app/jvm.options"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
