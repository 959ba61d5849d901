package io.pricewar.alert;

import io.pricewar.alert.subscription.secret.SecretCipher;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real alert service against an in-JVM Kafka broker, MongoDB server and SMTP server. Every *IT extends
 * this without adding configuration, so they share one application context and one broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        AlertApplication.CONFIG_NAME,
        // Short enough for a test to watch retries and the sweeper work, long enough to outlast a send.
        "pricewar.alert.delivery.first-backoff=100ms",
        "pricewar.alert.delivery.max-backoff=400ms",
        "pricewar.alert.delivery.max-attempts=4",
        "pricewar.alert.delivery.response-timeout=1s",
        // An e-mail attempt has only this limit, and the first JavaMail send of a run (class
        // loading, the SMTP handshake) took over 1 s on a loaded 2-core machine.
        "pricewar.alert.delivery.attempt-timeout=3s",
        "pricewar.alert.delivery.lease=6s",
        "pricewar.alert.delivery.sweep-interval=200ms",
        // So a test sees an idle stream's heartbeats without waiting long.
        "pricewar.alert.stream.heartbeat=500ms",
        // Blended judgements wait for a model's meters to settle; the tests publish them at once.
        "pricewar.alert.rules.blended-settle=500ms",
        "pricewar.alert.rules.check-interval=100ms",
        // Digests are due when a test moves the clock past a cut-over; look often.
        "pricewar.alert.digest.check-interval=200ms",
        // The receivers of these tests listen on plain http at 127.0.0.1.
        "pricewar.alert.delivery.guard.allow-plain-http=true",
        "pricewar.alert.delivery.guard.allowed-networks=127.0.0.0/8",
        "pricewar.alert.owners.admin-key=" + AlertIntegrationTest.ADMIN_KEY})
// Generous: on a loaded 2-core CI machine a first request can take more than the default 5 s.
@AutoConfigureWebTestClient(timeout = "30s")
@Import(TestClock.Config.class)
public abstract class AlertIntegrationTest {

    protected static final String ADMIN_KEY = "test-admin-key";
    /** Seals the signing secrets in the shared database; a replica started beside the context needs it too. */
    protected static final String WEBHOOK_SECRETS_KEY = SecretCipher.generateKey();

    protected static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    protected static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();
    protected static final SmtpServer SMTP = SmtpServer.start();

    static {
        // Shared by every IT class in the JVM, so closed when the JVM ends, not after one class.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            SMTP.close();
            MONGO.close();
            KAFKA.close();
        }));
    }

    @Autowired
    protected WebTestClient web;

    /**
     * The arguments of another replica of the service beside this context's: the same broker and
     * database, its own port and admin key, not consuming the topic (a test that wants it to says
     * so in {@code more}); then what the test adds.
     */
    protected static String[] secondReplicaArgs(String adminKey, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + KAFKA.bootstrapServers(),
                "--spring.kafka.listener.auto-startup=false",
                "--spring.mongodb.uri=" + MONGO.uri("alert-test"),
                "--pricewar.alert.owners.admin-key=" + adminKey,
                "--pricewar.alert.webhook-secrets.key=" + WEBHOOK_SECRETS_KEY,
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** Issues an API key through the admin endpoint, as an operator would; quotas as given or default. */
    protected String issueKey(String owner, Integer maxSubscriptions, Integer maxEndpoints) {
        Map<String, Object> body = new HashMap<>();
        body.put("owner", owner);
        body.put("maxSubscriptions", maxSubscriptions);
        body.put("maxEndpoints", maxEndpoints);
        return web.post().uri("/api/v1/admin/api-keys")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("apiKey").asString();
    }

    protected String issueKey(String owner) {
        return issueKey(owner, null, null);
    }

    protected static String bearer(String key) {
        return "Bearer " + key;
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("alert-test"));
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("pricewar.alert.webhook-secrets.key", () -> WEBHOOK_SECRETS_KEY);
    }
}
