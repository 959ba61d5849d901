package io.pricewar.support.problem;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemErrorWebExceptionHandlerTest {

    static final String SECRET = "mongodb://alert:hunter2@db.internal:27017";

    final ReactiveWebApplicationContextRunner contexts = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ProblemErrorAutoConfiguration.class,
                    ErrorWebFluxAutoConfiguration.class, WebFluxAutoConfiguration.class))
            .withUserConfiguration(Endpoints.class);

    @Test
    void takesThePlaceOfBootsErrorHandler() {
        contexts.run(context -> assertThat(context).getBean(ErrorWebExceptionHandler.class)
                .isInstanceOf(ProblemErrorWebExceptionHandler.class));
    }

    @Test
    void answersAnUnknownPathWithANotFoundProblem() {
        contexts.run(context -> problem(web(context).get().uri("/nowhere"), 404).json("""
                {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Not Found: GET /nowhere",
                 "instance": "/nowhere"}""", JsonCompareMode.STRICT));
    }

    @Test
    void answersABodyOfAnUnsupportedTypeWithAProblemNamingIt() {
        contexts.run(context -> problem(web(context).post().uri("/things").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("hello"), 415)
                .jsonPath("$.title").isEqualTo("Unsupported Media Type")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail).contains("text/plain")));
    }

    @Test
    void answersAWrongMethodWithAProblemAndTheAllowedMethods() {
        contexts.run(context -> web(context).delete().uri("/annotated").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("GET")));
    }

    @Test
    void answersAnEscapedExceptionWithAServerErrorProblemThatTellsNothingOfItsCause() {
        contexts.run(context -> problem(web(context).get().uri("/boom"), 500)
                .jsonPath("$.title").isEqualTo("Internal Server Error")
                .jsonPath("$.detail").value(String.class, detail -> assertThat(detail)
                        .startsWith(ProblemErrorWebExceptionHandler.SERVER_ERROR_DETAIL).doesNotContain("db.internal"))
                .jsonPath("$.trace").doesNotExist()
                .jsonPath("$.exception").doesNotExist()
                .consumeWith(body -> assertThat(new String(body.getResponseBodyContent())).doesNotContain("hunter2")));
    }

    @Test
    void leavesTheAnswersOfTheRoutesThemselvesAlone() {
        contexts.run(context -> web(context).get().uri("/answered").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Routes' own"));
    }

    private static WebTestClient web(ApplicationContext context) {
        return WebTestClient.bindToApplicationContext(context).build();
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.RequestHeadersSpec<?> request, int status) {
        return request.exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status);
    }

    @Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        RouterFunction<ServerResponse> routes() {
            return RouterFunctions.route()
                    .POST("/things", request -> request.bodyToMono(Map.class).flatMap(ServerResponse.ok()::bodyValue))
                    .GET("/boom", request -> Mono.error(new IllegalStateException("cannot reach " + SECRET)))
                    .GET("/answered", request -> ServerResponse.status(401).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .bodyValue(Map.of("title", "Routes' own", "status", 401)))
                    .build();
        }

        @Bean
        AnnotatedController annotatedController() {
            return new AnnotatedController();
        }
    }

    @RestController
    static class AnnotatedController {

        @GetMapping("/annotated")
        String get() {
            return "ok";
        }
    }
}
