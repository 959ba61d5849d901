package io.pricewar.alert.web;

/** The service's HTTP paths that more than one feature builds on, declared once. */
public final class ApiPaths {

    public static final String SUBSCRIPTIONS = "/api/v1/subscriptions";

    public static final String SUBSCRIPTION = SUBSCRIPTIONS + "/{id}";

    /** The caller's live notifications, as Server-Sent Events. */
    public static final String STREAM = "/api/v1/stream";

    private ApiPaths() {
    }
}
