package io.pricewar.alert.web;

import io.pricewar.alert.AlertIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors the framework raises before or around the handlers come back as problem details like
 * the API's own, and the actuator still answers as before.
 */
class FrameworkErrorsIT extends AlertIntegrationTest {

    @Test
    void answersABodyThatIsNotJsonWithAnUnsupportedMediaTypeProblem() {
        problem(web.post().uri(ApiPaths.SUBSCRIPTIONS).header(HttpHeaders.AUTHORIZATION, bearer(issueKey("framework-errors")))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("rule=ANY_DROP"), 415, "Unsupported Media Type")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("text/plain"));
    }

    @Test
    void answersAnUnknownPathWithANotFoundProblem() {
        problem(web.get().uri("/api/v1/no-such-thing"), 404, "Not Found")
                .jsonPath("$.type").isEqualTo("about:blank")
                .jsonPath("$.detail").isEqualTo("Not Found: GET /api/v1/no-such-thing");
    }

    @Test
    void answersAWrongMethodOnTheActuatorWithAProblemWhileItsReadsStayAsTheyWere() {
        problem(web.post().uri("/actuator/health"), 405, "Method Not Allowed");
        web.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.RequestHeadersSpec<?> request, int status,
                                                         String title) {
        return request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.title").isEqualTo(title);
    }
}
