package io.pricewar.alert;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.pricewar.alert.subscription.SigningSecret;
import io.pricewar.alert.subscription.secret.SecretCipher;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Webhook signing secrets at rest: the alert service, started as its own application on a
 * database of its own, is stopped and started again with rotated keys. The stored documents never
 * hold a secret in clear, and every notification still verifies with the secret shown once at
 * creation.
 */
class SigningSecretsAtRestIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String DATABASE = "alert-secrets";
    static final String ADMIN_KEY = "secrets-admin";
    static final String OLD_KEY = SecretCipher.generateKey();
    static final String NEW_KEY = SecretCipher.generateKey();

    final WebhookReceiver receiver = WebhookReceiver.start();
    final HttpClient http = HttpClient.newHttpClient();
    final MongoClient mongo = MongoClients.create(AlertIntegrationTest.MONGO.uri(DATABASE));
    final MongoCollection<Document> stored = mongo.getDatabase(DATABASE).getCollection(MongoCollections.SUBSCRIPTIONS);
    ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        mongo.close();
        receiver.close();
    }

    @Test
    void storesNoSecretInClearAndSignsWithTheOneShownAtCreationAcrossAKeyRotation() throws Exception {
        running = startAlertService("--pricewar.alert.webhook-secrets.key=" + OLD_KEY);
        String owner = issueKey();
        JsonNode sealedOne = subscribe(owner, "sealed");
        JsonNode legacyOne = subscribe(owner, "legacy");
        String sealedSecret = sealedOne.get("signingSecret").asString();
        String legacySecret = legacyOne.get("signingSecret").asString();

        assertStoredSealedUnder(OLD_KEY, sealedOne, sealedSecret);
        assertTestNotificationVerifies(owner, sealedOne, "sealed", sealedSecret);

        running.close();
        // As stored before secrets were sealed: in clear.
        Mono.from(stored.updateOne(Filters.eq("_id", id(legacyOne)), Updates.combine(
                Updates.unset("sealedSigningSecret"), Updates.set("signingSecret", legacySecret)))).block();
        running = startAlertService("--pricewar.alert.webhook-secrets.key=" + NEW_KEY,
                "--pricewar.alert.webhook-secrets.previous-keys=" + OLD_KEY);

        assertStoredSealedUnder(NEW_KEY, sealedOne, sealedSecret);
        assertStoredSealedUnder(NEW_KEY, legacyOne, legacySecret);
        assertTestNotificationVerifies(owner, sealedOne, "sealed", sealedSecret);
        assertTestNotificationVerifies(owner, legacyOne, "legacy", legacySecret);

        running.close();
        running = startAlertService("--pricewar.alert.webhook-secrets.key=" + NEW_KEY);

        assertTestNotificationVerifies(owner, sealedOne, "sealed", sealedSecret);
        assertTestNotificationVerifies(owner, legacyOne, "legacy", legacySecret);
        running.close();
        running = null;

        String unrelatedKey = SecretCipher.generateKey();
        assertThatThrownBy(() -> startAlertService("--pricewar.alert.webhook-secrets.key=" + unrelatedKey))
                .as("a key that opens none of the stored secrets is refused at start-up")
                .rootCause().hasMessageContaining(keyId(NEW_KEY)).hasMessageContaining("previous-keys");
    }

    @Test
    void refusesToStartWithoutAKey() {
        assertThatThrownBy(() -> startAlertService())
                .hasStackTraceContaining("pricewar.alert.webhook-secrets: no key is configured")
                .hasStackTraceContaining("PRICEWAR_ALERT_WEBHOOK_SECRETS_KEY");
    }

    private void assertStoredSealedUnder(String key, JsonNode subscription, String secret) {
        Document document = Mono.from(stored.find(Filters.eq("_id", id(subscription))).first()).block();
        String everythingStored = document.toJson();
        assertThat(everythingStored).doesNotContain(secret)
                .doesNotContain(secret.substring(SigningSecret.PREFIX.length()));
        assertThat(document).doesNotContainKey("signingSecret");
        assertThat(document.get("sealedSigningSecret", Document.class).getString("keyId")).isEqualTo(keyId(key));
    }

    private void assertTestNotificationVerifies(String owner, JsonNode subscription, String hook, String secret)
            throws Exception {
        int before = receiver.received(hook).size();
        HttpResponse<String> response = send(HttpRequest.newBuilder(url("/api/v1/subscriptions/" + id(subscription) + "/test"))
                .header("Authorization", "Bearer " + owner).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(hook).size() == before + 1);
        WebhookReceiver.Request request = receiver.requests(hook).getLast();
        try {
            new Webhook(secret).verify(request.body(), Map.of(
                    "webhook-id", List.of(request.header("webhook-id")),
                    "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                    "webhook-signature", List.of(request.header("webhook-signature"))));
        } catch (WebhookVerificationException e) {
            throw new AssertionError("the notification does not verify with the secret shown at creation", e);
        }
    }

    private ConfigurableApplicationContext startAlertService(String... keys) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + AlertIntegrationTest.KAFKA.bootstrapServers(),
                "--spring.mongodb.uri=" + AlertIntegrationTest.MONGO.uri(DATABASE),
                "--pricewar.alert.matching.consumer-group=alert-secrets",
                "--pricewar.alert.owners.admin-key=" + ADMIN_KEY,
                "--pricewar.alert.delivery.guard.allow-plain-http=true",
                "--pricewar.alert.delivery.guard.allowed-networks=127.0.0.0/8",
                "--spring.main.banner-mode=off"));
        args.addAll(List.of(keys));
        return AlertApplication.builder().run(args.toArray(String[]::new));
    }

    private String issueKey() throws Exception {
        return JSON.readTree(post("/api/v1/admin/api-keys", ADMIN_KEY, "{\"owner\": \"secrets\"}")).get("apiKey").asString();
    }

    private JsonNode subscribe(String owner, String hook) throws Exception {
        return JSON.readTree(post("/api/v1/subscriptions", owner, """
                {"webhookUrl": "%s", "rule": "ANY_DROP"}""".formatted(receiver.url(hook))));
    }

    private String post(String path, String bearer, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(url(path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + running.getEnvironment().getProperty("local.server.port") + path);
    }

    private static String id(JsonNode subscription) {
        return subscription.get("id").asString();
    }

    private static String keyId(String key) {
        return SecretCipher.of(key, List.of()).currentKeyId();
    }
}
