package io.pricewar.ledger.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** A half-open window [from, to) of instants; either end may be open (null). */
public record TimeRange(Instant from, Instant to) {

    public static final TimeRange ALL = new TimeRange(null, null);

    public TimeRange {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameterException("to", to.toString(), "must be after from (" + from + ")");
        }
    }

    /** From request parameters: ISO-8601 instants ("2024-05-21T02:00:00Z") or dates (UTC midnight). */
    public static TimeRange of(String from, String to) {
        return new TimeRange(instant("from", from), instant("to", to));
    }

    public boolean contains(Instant instant) {
        return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
    }

    /** Parses an instant parameter, or returns null when it is absent or blank. */
    public static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter, value,
                    "is not an ISO-8601 instant (2024-05-21T02:00:00Z) or date (2024-05-21)");
        }
    }

    /** Like {@link #instant} but the parameter must be given. */
    public static Instant requiredInstant(String parameter, String value) {
        Instant instant = instant(parameter, value);
        if (instant == null) {
            throw new InvalidParameterException(parameter, "", "is required");
        }
        return instant;
    }
}
