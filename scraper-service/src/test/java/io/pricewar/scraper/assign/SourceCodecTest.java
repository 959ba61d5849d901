package io.pricewar.scraper.assign;

import io.pricewar.scraper.source.Source;
import io.pricewar.scraper.source.SourceCatalog;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceCodecTest {

    @Test
    void everyBuiltInSourceTravelsThroughTheTopicUnchanged() {
        List<Source> catalog = SourceCatalog.builtIn();
        assertThat(catalog).isNotEmpty();

        for (Source source : catalog) {
            SourceRecord record = new SourceRecord(source, SourceRecord.CONFIG, Instant.parse("2024-05-21T00:00:00Z"));
            assertThat(SourceCodec.read(SourceCodec.write(record))).as(source.id()).isEqualTo(record);
        }
    }

    @Test
    void readsARecordANewerReplicaWroteWithFieldsThisOneDoesNotKnow() {
        SourceRecord record = SourceCodec.read("""
                {"source":{"id":"demo","vendor":"demo","url":"https://vendor.example/p","priority":3},"origin":"admin","shard":"b"}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(record.source().id()).isEqualTo("demo");
        assertThat(record.origin()).isEqualTo(SourceRecord.ADMIN);
    }

    @Test
    void readsDurationsAsConfigurationWritesThem() {
        Source source = SourceCodec.readPosted("""
                {"id":"demo","vendor":"demo","url":"https://vendor.example/p","interval":"30m","currency":"CNY",
                 "table":{"selector":"table","modelColumn":"Model","meters":{"input":"Input"}}}
                """.getBytes(StandardCharsets.UTF_8)).source();

        assertThat(source.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(source.table().meters()).containsEntry("input", "Input");
    }

    @Test
    void namesTheFieldItCannotRead() {
        assertThatThrownBy(() -> SourceCodec.readPosted("{\"id\":\"demo\",\"interval\":\"soon\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("interval");
    }

    @Test
    void namesEveryFieldAPostedDefinitionShouldNotHave() {
        SourceCodec.Posted posted = SourceCodec.readPosted("""
                {"id":"demo","intervall":"30m","table":{"selector":"table","tierColum":"Tier","x":{"y":1},"modelColumn":"Model"}}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(posted.unknownFields()).containsExactlyInAnyOrder("intervall", "table.tierColum", "table.x");
        assertThat(posted.source().table().modelColumn()).isEqualTo("Model");
    }

    @Test
    void readsEveryBuiltInSourceWithItsFieldsInTheKebabCaseOfScraperYml() {
        for (Source source : SourceCatalog.builtIn()) {
            JsonNode camelCase = JsonMapper.shared().readTree(SourceCodec.write(new SourceRecord(source, SourceRecord.CONFIG, null)));

            SourceCodec.Posted posted = SourceCodec.readPosted(JsonMapper.shared().writeValueAsBytes(kebabCase(camelCase.get("source"))));

            assertThat(posted.unknownFields()).as(source.id()).isEmpty();
            assertThat(posted.source()).as(source.id()).isEqualTo(source);
        }
    }

    /** Field names as scraper.yml spells them; meter and tier names are lower-case slugs already, so they stay. */
    private static JsonNode kebabCase(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode kebab = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(field ->
                kebab.set(field.getKey().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT), kebabCase(field.getValue())));
        return kebab;
    }
}
