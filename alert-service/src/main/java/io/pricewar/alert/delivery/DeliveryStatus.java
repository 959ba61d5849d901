package io.pricewar.alert.delivery;

public enum DeliveryStatus {
    /** Recorded; being sent, or waiting for the sweeper if the sender died. */
    PENDING,
    /** The webhook answered 2xx. */
    DELIVERED,
    /** The webhook did not answer 2xx after every retry; see the failure reason. */
    FAILED
}
