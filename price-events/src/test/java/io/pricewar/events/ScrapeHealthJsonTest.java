package io.pricewar.events;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScrapeHealthJsonTest {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    static ScrapeHealth layoutChanged() {
        return new ScrapeHealth(ScrapeHealth.CURRENT_SCHEMA_VERSION, "alibaba-models", "alibaba",
                "https://help.aliyun.com/model-studio/models", ScrapeHealth.Outcome.LAYOUT_CHANGED,
                Instant.parse("2024-05-21T02:00:00Z"), Instant.parse("2024-05-21T02:00:01.250Z"),
                "table.price-table: no column matches 输入", 0, 0, 0, 0, false, "d".repeat(64));
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
