package io.pricewar.support.problem;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webflux.autoconfigure.error.AbstractErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;

/**
 * Boot's error handling with one renderer, an RFC 9457 problem detail. Boot's base class keeps
 * the rest: it logs server errors with their stack trace, and leaves alone a response already
 * committed or a client that went away.
 *
 * <p>A framework error ({@link ErrorResponse}: 404, 405, 415, a bad parameter...) keeps its
 * status, its detail, which Spring writes for the caller, and its headers ({@code Allow},
 * {@code Accept}). Anything else is a 500 that says nothing of the cause: an exception's message
 * can hold internals (a host, a query, a file path) and belongs in the log only. A server error's
 * detail names the request id instead, which Boot's log line of it carries too.
 */
final class ProblemErrorWebExceptionHandler extends AbstractErrorWebExceptionHandler {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    static final String SERVER_ERROR_DETAIL = "the service could not handle this request; its log has the cause under request id ";

    private ProblemErrorWebExceptionHandler(ErrorAttributes errorAttributes, ApplicationContext context) {
        // Boot's static error pages are never served, so its resource settings do not matter.
        super(errorAttributes, new WebProperties.Resources(), context);
    }

    static ProblemErrorWebExceptionHandler create(ErrorAttributes errorAttributes, ServerCodecConfigurer codecs,
                                                  ApplicationContext context) {
        ProblemErrorWebExceptionHandler handler = new ProblemErrorWebExceptionHandler(errorAttributes, context);
        handler.setMessageWriters(codecs.getWriters());
        handler.setMessageReaders(codecs.getReaders());
        handler.setViewResolvers(List.of());
        return handler;
    }

    @Override
    protected RouterFunction<ServerResponse> getRoutingFunction(ErrorAttributes errorAttributes) {
        return RouterFunctions.route(RequestPredicates.all(), this::render);
    }

    private Mono<ServerResponse> render(ServerRequest request) {
        Throwable error = getError(request);
        ProblemDetail problem = problemFor(error, request);
        return ServerResponse.status(problem.getStatus())
                .headers(headers -> headers.addAll(headersOf(error)))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    static ProblemDetail problemFor(Throwable error, ServerRequest request) {
        HttpStatusCode status = error instanceof ErrorResponse response ? response.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        HttpStatus known = HttpStatus.resolve(status.value());
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status.value();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        // Spring leaves out the default type; spelt out, a client need not know that RFC 9457 rule.
        problem.setType(ABOUT_BLANK);
        problem.setTitle(title);
        problem.setDetail(status.is5xxServerError() ? SERVER_ERROR_DETAIL + request.exchange().getRequest().getId()
                : clientDetail(error, title, request));
        problem.setInstance(URI.create(request.uri().getRawPath()));
        return problem;
    }

    /**
     * Spring's own detail where it wrote one (it is meant for the caller); else what was asked.
     * Not for an unknown path: the static resources are the last mapping tried, so Spring's detail
     * speaks of a missing static resource where an API caller just asked for a path that leads nowhere.
     */
    private static String clientDetail(Throwable error, String title, ServerRequest request) {
        String detail = error instanceof ErrorResponse response && !(error instanceof NoResourceFoundException)
                ? response.getBody().getDetail() : null;
        return detail != null ? detail : title + ": " + request.method() + " " + request.uri().getRawPath();
    }

    private static HttpHeaders headersOf(Throwable error) {
        return error instanceof ErrorResponse response ? response.getHeaders() : HttpHeaders.EMPTY;
    }
}
