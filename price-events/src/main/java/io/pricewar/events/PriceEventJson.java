package io.pricewar.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

/**
 * The wire format of {@link PriceEvent}s, pinned by golden files in this module's tests.
 *
 * <p>Readers ignore fields they do not know, so a newer producer that adds a field does not
 * break an older consumer. A record this reader cannot use (not JSON, an unknown event type, a
 * schema version newer than {@link PriceEvent#CURRENT_SCHEMA_VERSION}, a missing field) is a
 * {@link UnreadableEventException} naming the reason, for the consumer to dead-letter.
 */
public final class PriceEventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private PriceEventJson() {
    }

    public static byte[] write(PriceEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static String writeString(PriceEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static PriceEvent read(byte[] json) {
        if (json == null) {
            throw new UnreadableEventException("record has no value");
        }
        PriceEvent event;
        try {
            event = MAPPER.readValue(json, PriceEvent.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UnreadableEventException(reason(e), e);
        }
        if (event.schemaVersion() > PriceEvent.CURRENT_SCHEMA_VERSION) {
            throw new UnreadableEventException("schemaVersion " + event.schemaVersion()
                    + " is newer than this reader's " + PriceEvent.CURRENT_SCHEMA_VERSION);
        }
        return event;
    }

    public static PriceEvent read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
        if (cause != e && cause.getMessage() != null) {
            message = cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** A record that is not a price event this reader can use. */
    public static final class UnreadableEventException extends RuntimeException {
        public UnreadableEventException(String reason) {
            super(reason);
        }

        public UnreadableEventException(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
