package io.pricewar.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of {@link ScrapeHealth}, pinned by a golden file. Like {@link PriceEventJson},
 * readers ignore fields they do not know, and anything unusable is an
 * {@link PriceEventJson.UnreadableEventException} with the reason.
 */
public final class ScrapeHealthJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ScrapeHealthJson() {
    }

    public static byte[] write(ScrapeHealth health) {
        return MAPPER.writeValueAsBytes(health);
    }

    public static ScrapeHealth read(byte[] json) {
        if (json == null) {
            throw new PriceEventJson.UnreadableEventException("record has no value");
        }
        try {
            ScrapeHealth health = MAPPER.readValue(json, ScrapeHealth.class);
            if (health.schemaVersion() > ScrapeHealth.CURRENT_SCHEMA_VERSION) {
                throw new PriceEventJson.UnreadableEventException("schemaVersion " + health.schemaVersion()
                        + " is newer than this reader's " + ScrapeHealth.CURRENT_SCHEMA_VERSION);
            }
            return health;
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new PriceEventJson.UnreadableEventException(String.valueOf(e.getMessage()), e);
        }
    }
}
