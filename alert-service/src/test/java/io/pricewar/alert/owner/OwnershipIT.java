package io.pricewar.alert.owner;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.pricewar.alert.AlertIntegrationTest;
import io.pricewar.alert.MongoCollections;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipIT extends AlertIntegrationTest {

    @Autowired
    MongoDatabase database;

    @Test
    void refusesASubscriptionRequestWithoutAKey() {
        web.post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(subscription("https://hooks.example.test/a")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesAKeyNobodyIssued() {
        web.get().uri("/api/v1/subscriptions/any").header(HttpHeaders.AUTHORIZATION, bearer("pwk_made-up"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.detail").isEqualTo("the API key is not known");
    }

    @Test
    void anotherOwnersSubscriptionIsNotFoundForReadingReplacingTestingDeletingOrItsDeliveries() {
        String alice = issueKey("alice");
        String bob = issueKey("bob");
        String location = create(alice, "https://hooks.example.test/alice").expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();

        web.get().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(bob)).exchange()
                .expectStatus().isNotFound();
        web.get().uri(location + "/deliveries").header(HttpHeaders.AUTHORIZATION, bearer(bob)).exchange()
                .expectStatus().isNotFound();
        web.put().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(bob))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(subscription("https://hooks.example.test/bob"))
                .exchange().expectStatus().isNotFound();
        web.post().uri(location + "/test").header(HttpHeaders.AUTHORIZATION, bearer(bob)).exchange()
                .expectStatus().isNotFound();
        web.delete().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(bob)).exchange()
                .expectStatus().isNotFound();

        web.get().uri(location).header(HttpHeaders.AUTHORIZATION, bearer(alice)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.webhookUrl").isEqualTo("https://hooks.example.test/alice");
    }

    @Test
    void stopsAnOwnerAtItsSubscriptionQuotaAndFreesASlotOnDelete() {
        String key = issueKey("two-subscriptions", 2, null);
        create(key, "https://hooks.example.test/q").expectStatus().isCreated();
        String second = create(key, "https://hooks.example.test/q").expectStatus().isCreated()
                .returnResult(String.class).getResponseHeaders().getLocation().toString();

        create(key, "https://hooks.example.test/q").expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Quota exceeded");

        web.delete().uri(second).header(HttpHeaders.AUTHORIZATION, bearer(key)).exchange()
                .expectStatus().isNoContent();
        create(key, "https://hooks.example.test/q").expectStatus().isCreated();
    }

    @Test
    void stopsAnOwnerAtItsEndpointQuotaButLetsItAddSubscriptionsToAKnownEndpoint() {
        String key = issueKey("one-endpoint", null, 1);
        create(key, "https://hooks.example.test/only").expectStatus().isCreated();

        create(key, "https://hooks.example.test/another").expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("1 distinct"));
        create(key, "https://hooks.example.test/only").expectStatus().isCreated();
    }

    @Test
    void storesTheKeyOnlyAsItsSha256() {
        String key = issueKey("hashed");

        List<Document> owners = Flux.from(database.getCollection(MongoCollections.OWNERS)
                .find(Filters.eq("name", "hashed"))).collectList().block();

        assertThat(owners).singleElement().satisfies(owner -> {
            assertThat(owner.getString("keyHash")).isEqualTo(ApiKeys.hash(key)).hasSize(64);
            assertThat(owner.toJson()).doesNotContain(key);
        });
    }

    @Test
    void issuesKeysOnlyToTheAdminKey() {
        web.post().uri("/api/v1/admin/api-keys").header(HttpHeaders.AUTHORIZATION, bearer("not-the-admin-key"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"owner\": \"mallory\"}").exchange()
                .expectStatus().isUnauthorized();
        String ownerKey = issueKey("an-owner");
        web.post().uri("/api/v1/admin/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(ownerKey))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"owner\": \"mallory\"}").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void rejectsAKeyRequestWithoutAnOwnerName() {
        web.post().uri("/api/v1/admin/api-keys").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN_KEY))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"maxSubscriptions\": -1}").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("owner")
                .jsonPath("$.errors[1].field").isEqualTo("maxSubscriptions");
    }

    private WebTestClient.ResponseSpec create(String key, String webhookUrl) {
        return web.post().uri("/api/v1/subscriptions")
                .header(HttpHeaders.AUTHORIZATION, bearer(Objects.requireNonNull(key)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(subscription(webhookUrl))
                .exchange();
    }

    private static String subscription(String webhookUrl) {
        return "{\"webhookUrl\": \"" + webhookUrl + "\", \"rule\": \"ANY_DROP\"}";
    }
}
