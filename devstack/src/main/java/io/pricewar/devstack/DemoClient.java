package io.pricewar.devstack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The devstack's calls to the services' public HTTP APIs, as any client would make them. */
final class DemoClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PriceWarServices services;
    private final Path keyFile;
    private String apiKey;

    DemoClient(PriceWarServices services) {
        this(services, null);
    }

    /** Keeps its API key in {@code keyFile}, so that a resumed devstack shows the same owner's subscriptions. */
    DemoClient(PriceWarServices services, Path keyFile) {
        this.services = services;
        this.keyFile = keyFile;
    }

    /** Waits until the ledger lists at least {@code count} current prices. */
    void awaitCurrentPrices(int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (currentPrices() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the ledger did not list " + count + " prices within " + timeout);
            }
            pause();
        }
    }

    void subscribe(String webhookUrl, String rule) {
        String body = JSON.writeValueAsString(Map.of("webhookUrl", webhookUrl, "rule", rule));
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(services.alertUrl() + "/api/v1/subscriptions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("subscribing " + rule + " failed: " + response.statusCode() + " " + response.body());
        }
    }

    /**
     * Subscriptions belong to an API key; the devstack issues itself one with the admin key (the
     * store keeps only its hash, so the key itself is kept in the key file, if any).
     */
    String apiKey() {
        if (apiKey == null && keyFile != null && Files.isRegularFile(keyFile)) {
            apiKey = read(keyFile);
        }
        if (apiKey == null) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(services.alertUrl() + "/api/v1/admin/api-keys"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + PriceWarServices.ALERT_ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"owner\": \"devstack\"}")).build());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("issuing an API key failed: " + response.statusCode() + " " + response.body());
            }
            apiKey = JSON.readTree(response.body()).path("apiKey").asString();
            if (keyFile != null) {
                write(keyFile, apiKey);
            }
        }
        return apiKey;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, key);
        } catch (IOException e) {
            throw new IllegalStateException("cannot keep the API key in " + file + ": " + e.getMessage(), e);
        }
    }

    private int currentPrices() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(services.ledgerUrl() + "/api/v1/prices")).GET().build());
        if (response.statusCode() != 200) {
            return 0;
        }
        JsonNode prices = JSON.readTree(response.body());
        return prices.size();
    }

    private HttpResponse<String> send(HttpRequest request) {
        return Http.send(http, request);
    }

    /** The devstack polls its own services while they start; a short pause between looks. */
    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
