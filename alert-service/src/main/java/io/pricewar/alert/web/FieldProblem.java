package io.pricewar.alert.web;

/** One thing wrong with a request: the field (a dotted path into the JSON body) and why. */
public record FieldProblem(String field, String message) {
}
