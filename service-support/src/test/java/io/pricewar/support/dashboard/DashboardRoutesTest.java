package io.pricewar.support.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardRoutesTest {

    final MockEnvironment environment = new MockEnvironment()
            .withProperty("pricewar.dashboard.pages", "classpath:/dashboard/test-pages/")
            .withProperty("pricewar.dashboard.links.alert", "http://localhost:8083/dashboard/");

    final WebTestClient web = WebTestClient.bindToRouterFunction(DashboardAutoConfiguration.routes(environment)).build();

    @Test
    void servesTheServicesOwnIndexAndPagesWithAScriptPolicy() {
        web.get().uri("/dashboard/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", DashboardAutoConfiguration.CONTENT_SECURITY_POLICY)
                .expectBody(String.class).value(body -> assertThat(body).contains("test index"));
        web.get().uri("/dashboard/other.html").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("another page"));
    }

    @Test
    void answersAHeadOfTheIndexAndOfAPageAsItsGetWithoutTheBody() {
        web.head().uri("/dashboard/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", DashboardAutoConfiguration.CONTENT_SECURITY_POLICY);
        web.head().uri("/dashboard/other.html").exchange().expectStatus().isOk();
        web.head().uri("/dashboard/links.json").exchange().expectStatus().isOk();
        web.post().uri("/dashboard/").exchange().expectStatus().isNotFound();
    }

    @Test
    void servesTheSharedScriptBesideThePages() {
        web.get().uri("/dashboard/common/dashboard.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("export async function api("));
    }

    @Test
    void redirectsTheBarePathToTheFolder() {
        web.get().uri("/dashboard").exchange()
                .expectStatus().isEqualTo(HttpStatus.PERMANENT_REDIRECT)
                .expectHeader().location("/dashboard/");
    }

    @Test
    void answersTheLinksAsConfiguredAtTheTimeOfTheRequest() {
        web.get().uri("/dashboard/links.json").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.alert").isEqualTo("http://localhost:8083/dashboard/")
                .jsonPath("$.ledger").doesNotExist();
        environment.setProperty("pricewar.dashboard.links.ledger", "http://127.0.0.1:4000/dashboard/");
        web.get().uri("/dashboard/links.json").exchange()
                .expectBody().jsonPath("$.ledger").isEqualTo("http://127.0.0.1:4000/dashboard/");
    }

    @Test
    void doesNotServeOutsideItsFolders() {
        web.get().uri("/dashboard/missing.html").exchange().expectStatus().isNotFound();
        web.get().uri("/dashboard/../dashboard/common/dashboard.css").exchange().expectStatus().isNotFound();
        web.get().uri("/dashboard/%2e%2e/test-pages/index.html").exchange().expectStatus().isNotFound();
    }
}
