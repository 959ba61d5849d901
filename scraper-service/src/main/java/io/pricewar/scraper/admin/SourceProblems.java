package io.pricewar.scraper.admin;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

/** The admin API's errors as RFC 9457 problem details; an invalid source lists every problem. */
@RestControllerAdvice(assignableTypes = SourceAdminController.class)
class SourceProblems {

    static final class InvalidSource extends RuntimeException {
        final transient List<String> problems;

        InvalidSource(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }
    }

    static final class UnknownSource extends RuntimeException {
        UnknownSource(String id) {
            super("no source '" + id + "'");
        }
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidSource e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid source definition");
        problem.setProperty("problems", e.problems);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknown(UnknownSource e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown source");
        return problem;
    }
}
