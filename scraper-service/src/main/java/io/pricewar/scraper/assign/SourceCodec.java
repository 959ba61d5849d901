package io.pricewar.scraper.assign;

import io.pricewar.scraper.source.Source;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Duration;

/**
 * The JSON of a {@link SourceRecord} on {@code scraper-sources}, and of a source definition
 * given to the admin API: the same field names as a source in {@code scraper.yml}. Durations
 * are written as ISO-8601 and read in either that or the configuration style ({@code 30m}).
 */
public final class SourceCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .addModule(new SimpleModule("pricewar-durations").addDeserializer(Duration.class, new LenientDuration()))
            .build();

    private SourceCodec() {
    }

    public static byte[] write(SourceRecord record) {
        return MAPPER.writeValueAsBytes(record);
    }

    public static SourceRecord read(byte[] json) {
        return MAPPER.readValue(json, SourceRecord.class);
    }

    /** A source definition as posted; a {@link JacksonException} names the field that could not be read. */
    public static Source readSource(byte[] json) {
        return MAPPER.readValue(json, Source.class);
    }

    private static final class LenientDuration extends ValueDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) {
            String text = parser.getValueAsString();
            try {
                return DurationStyle.detectAndParse(text);
            } catch (IllegalArgumentException e) {
                return (Duration) context.handleWeirdStringValue(Duration.class, text,
                        "not a duration (use 30m, 1h or PT1H)");
            }
        }
    }
}
