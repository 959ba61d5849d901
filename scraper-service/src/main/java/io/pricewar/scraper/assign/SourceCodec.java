package io.pricewar.scraper.assign;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.pricewar.scraper.extract.TableRule;
import io.pricewar.scraper.source.Source;
import org.springframework.boot.convert.DurationStyle;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON of a {@link SourceRecord} on {@code scraper-sources}, and of a source definition
 * given to the admin API: the field names of a source in {@code scraper.yml}, written in camel
 * case ({@code modelColumn}) and read in that or the kebab case of the YAML and of the problem
 * messages ({@code model-column}). Durations are written as ISO-8601 and read in either that or
 * the configuration style ({@code 30m}).
 *
 * <p>A record from the topic may carry fields this version does not know (a newer replica wrote
 * it), and is read regardless; a definition posted to the admin API is read with the fields it
 * should not have named, since a misspelt optional field would otherwise vanish unnoticed.
 */
public final class SourceCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .addModule(new SimpleModule("pricewar-durations").addDeserializer(Duration.class, new LenientDuration()))
            .addMixIn(TableRule.class, KebabCaseTableRule.class)
            .build();

    /** A definition as posted: the source (null for a JSON {@code null}) and the paths of fields a source does not have. */
    public record Posted(Source source, List<String> unknownFields) {
    }

    private SourceCodec() {
    }

    public static byte[] write(SourceRecord record) {
        return MAPPER.writeValueAsBytes(record);
    }

    public static SourceRecord read(byte[] json) {
        return MAPPER.readValue(json, SourceRecord.class);
    }

    /** A source definition as posted; a {@link JacksonException} names the field that could not be read. */
    public static Posted readPosted(byte[] json) {
        UnknownFields unknown = new UnknownFields();
        Source source = MAPPER.readerFor(Source.class).withHandler(unknown).readValue(json);
        return new Posted(source, List.copyOf(unknown.paths));
    }

    /**
     * The kebab-case spellings of {@code scraper.yml} and of the rules' problem messages. Only the
     * table rule has field names of more than one word; every other field of a source is one word.
     */
    private abstract static class KebabCaseTableRule {
        @JsonAlias("model-column")
        abstract String modelColumn();

        @JsonAlias("tier-column")
        abstract String tierColumn();
    }

    /** Notes each unknown field with its path ({@code table.tierColum}) and reads on, so that all are reported at once. */
    private static final class UnknownFields extends DeserializationProblemHandler {
        private final List<String> paths = new ArrayList<>();

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                             ValueDeserializer<?> deserializer, Object beanOrClass, String name) {
            // "/table/tierColum" as "table.tierColum"; no field of a source has a '/' to escape.
            paths.add(parser.streamReadContext().pathAsPointer().toString().substring(1).replace('/', '.'));
            parser.skipChildren();
            return true;
        }
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
