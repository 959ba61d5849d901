package io.pricewar.alert.subscription.secret;

/** A sealed secret that cannot be opened: its key is not configured, or it was altered or moved. */
public class UnreadableSecretException extends RuntimeException {

    public UnreadableSecretException(String message) {
        super(message);
    }

    public UnreadableSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
