package io.pricewar.ledger.query.web;

import io.pricewar.ledger.query.InvalidParameterException;
import io.pricewar.ledger.query.UnknownPricePointException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors a caller can cause, anywhere in the ledger's API, as RFC 9457 problem details that say what to fix. */
@RestControllerAdvice(basePackages = "io.pricewar.ledger")
class QueryProblems {

    /** Names the parameter in an extension member, so a client can point at the field. */
    static final String PARAMETER = "parameter";

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid parameter");
        problem.setProperty(PARAMETER, e.parameter());
        return ResponseEntity.of(problem).build();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownPoint(UnknownPricePointException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Unknown price point");
        problem.setProperty("pointId", e.pointId().toString());
        return ResponseEntity.of(problem).build();
    }
}
