package io.pricewar.alert.delivery;

public enum DeliveryStatus {
    /** Recorded; being attempted, waiting for its next attempt, or for the sweeper if its sender died. */
    PENDING,
    /** The webhook answered 2xx. */
    DELIVERED,
    /** Given up: attempts exhausted, endpoint gone (410) or refused by the guard; see the reason. */
    DEAD_LETTERED,
    /** Not sent because its subscription was deleted first. */
    CANCELLED
}
