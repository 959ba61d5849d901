package io.pricewar.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrapeHealthJsonTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    static ScrapeHealth layoutChanged() {
        return new ScrapeHealth(ScrapeHealth.CURRENT_SCHEMA_VERSION, "alibaba-models", "alibaba",
                "https://help.aliyun.com/model-studio/models", ScrapeHealth.Outcome.LAYOUT_CHANGED,
                Instant.parse("2024-05-21T02:00:00Z"), Instant.parse("2024-05-21T02:00:01.250Z"),
                "table.price-table: no column matches 输入", 0, 0, 0, 0, false, "d".repeat(64),
                List.of(new ScrapeHealth.Missing(PricePointId.parse("alibaba:qwen-turbo:input:standard"), 2)),
                List.of(new ScrapeHealth.Held(PricePointId.parse("alibaba:qwen-long:input:standard"),
                        Price.of("0.0005", "CNY", PriceUnit.PER_1K_TOKENS), Instant.parse("2024-05-21T01:55:00Z"),
                        "a move of 97.5%")));
    }

    /** A record written before the safeguard's state was on it reads as waiting on nothing. */
    @Test
    void aRecordWithoutMissingOrHeldReadsAsWaitingOnNothing() throws IOException {
        ObjectNode older = (ObjectNode) PLAIN.readTree(golden());
        older.remove("missing");
        older.remove("held");

        ScrapeHealth read = ScrapeHealthJson.read(PLAIN.writeValueAsBytes(older));

        assertThat(read.missing()).isEmpty();
        assertThat(read.held()).isEmpty();
        assertThat(read.outcome()).isEqualTo(ScrapeHealth.Outcome.LAYOUT_CHANGED);
    }

    @Test
    void writesExactlyTheGoldenWireFormat() throws IOException {
        assertThat(PLAIN.readTree(ScrapeHealthJson.write(layoutChanged()))).isEqualTo(PLAIN.readTree(golden()));
    }

    @Test
    void readsTheGoldenFileBackIntoTheSameRecord() throws IOException {
        assertThat(ScrapeHealthJson.read(golden())).isEqualTo(layoutChanged());
    }

    @Test
    void rejectsAnUnknownOutcomeAndANewerSchemaWithAReason() {
        ObjectNode unknown = (ObjectNode) PLAIN.readTree(ScrapeHealthJson.write(layoutChanged()));
        unknown.put("outcome", "EXPLODED");
        ObjectNode newer = (ObjectNode) PLAIN.readTree(ScrapeHealthJson.write(layoutChanged()));
        newer.put("schemaVersion", ScrapeHealth.CURRENT_SCHEMA_VERSION + 1);

        assertThatThrownBy(() -> ScrapeHealthJson.read(PLAIN.writeValueAsBytes(unknown)))
                .isInstanceOf(PriceEventJson.UnreadableEventException.class).hasMessageContaining("EXPLODED");
        assertThatThrownBy(() -> ScrapeHealthJson.read(PLAIN.writeValueAsBytes(newer)))
                .isInstanceOf(PriceEventJson.UnreadableEventException.class).hasMessageContaining("schemaVersion");
    }

    private static byte[] golden() throws IOException {
        try (InputStream in = ScrapeHealthJsonTest.class.getResourceAsStream("/golden/scrape-health.json")) {
            assertThat(in).isNotNull();
            return in.readAllBytes();
        }
    }
}
