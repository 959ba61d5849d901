package io.pricewar.ledger.query;

/** A request parameter the ledger cannot use; the caller can fix it. */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String value, String reason) {
        super(parameter + " '" + value + "' " + reason);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
