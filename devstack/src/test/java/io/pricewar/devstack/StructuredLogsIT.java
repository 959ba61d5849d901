package io.pricewar.devstack;

import io.pricewar.alert.subscription.secret.SecretCipher;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.infra.RunnableJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's runnable jar, as shipped in its image, logs JSON lines (Elastic Common Schema)
 * when an operator sets {@code logging.structured.format.console=ecs}: run as a process here,
 * since a test classpath carries its own logging configuration.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructuredLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EmbeddedKafka kafka;
    private EmbeddedMongo mongo;

    @BeforeAll
    void start() {
        kafka = EmbeddedKafka.start();
        mongo = EmbeddedMongo.inMemory();
    }

    @AfterAll
    void stop() {
        mongo.close();
        kafka.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"scraper-service", "ledger-service", "alert-service"})
    void theServiceLogsJsonLinesWhenAsked(String service) throws Exception {
        Process process = RunnableJar.of(Path.of("..", service)).process(
                "--logging.structured.format.console=ecs",
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.mongodb.uri=" + mongo.uri("logs-" + service),
                // The alert service does not start without one; the others ignore it.
                "--pricewar.alert.webhook-secrets.key=" + SecretCipher.generateKey())
                .redirectErrorStream(true).start();
        try {
            JsonNode started = firstJsonLineMentioning(process, "Started");

            assertThat(started.path("service").path("name").asString()).isEqualTo(service);
            assertThat(started.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(started.path("@timestamp").asString()).isNotEmpty();
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the output until a JSON line whose message contains the text; every line read must be JSON. */
    private static JsonNode firstJsonLineMentioning(Process process, String text) throws IOException {
        List<String> plain = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!line.startsWith("{")) {
                    if (!line.isBlank()) {
                        plain.add(line);
                    }
                    continue;
                }
                JsonNode json = JSON.readTree(line);
                if (json.path("message").asString().contains(text)) {
                    // The JVM's own warnings (native access) go to the console before logging starts.
                    assertThat(plain).as("lines that were not JSON").allSatisfy(l -> assertThat(l).startsWith("WARNING:"));
                    return json;
                }
            }
        }
        throw new AssertionError("the process ended without logging '" + text + "'; plain lines: " + plain);
    }
}
