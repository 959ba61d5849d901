package io.pricewar.alert.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 9457 responses for the errors a caller can cause, the same shape on every endpoint. */
public final class Problems {

    private Problems() {
    }

    public static Mono<ServerResponse> invalidBody(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problems.stream()
                .map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request body");
        problem.setProperty("errors", problems);
        return respond(problem);
    }

    public static Mono<ServerResponse> unknownSubscription(String id) {
        return notFound("no subscription with id " + id);
    }

    /** No usable credentials; says which scheme to use, as RFC 9110 asks of a 401. */
    public static Mono<ServerResponse> unauthorized(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setTitle("Unauthorized");
        return ServerResponse.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    /** The owner has all the subscriptions or endpoints its key allows. */
    public static Mono<ServerResponse> quotaExceeded(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Quota exceeded");
        return respond(problem);
    }

    /** The resource changed between the caller's read and its write. */
    public static Mono<ServerResponse> conflict(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Conflict");
        return respond(problem);
    }

    public static Mono<ServerResponse> notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Not found");
        return respond(problem);
    }

    /**
     * Names what could not be read in a body Jackson rejected: the path to the field when the
     * JSON was well formed but a value had the wrong shape, else the body itself.
     */
    public static FieldProblem unreadable(Throwable error) {
        JacksonException jackson = findCause(error, JacksonException.class);
        if (jackson == null || jackson instanceof StreamReadException || jackson.getPath().isEmpty()) {
            String reason = jackson != null ? jackson.getOriginalMessage() : error.getMessage();
            return new FieldProblem("body", "malformed JSON: " + reason);
        }
        String field = jackson.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return new FieldProblem(field, "cannot be read: " + jackson.getOriginalMessage());
    }

    private static Mono<ServerResponse> respond(ProblemDetail problem) {
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyValue(problem);
    }

    private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
