package io.pricewar.alert.delivery.guard;

/** A webhook URL the guard will not call; permanent, so the delivery is not retried. */
public final class RefusedDestinationException extends RuntimeException {

    public RefusedDestinationException(String message) {
        super(message);
    }
}
