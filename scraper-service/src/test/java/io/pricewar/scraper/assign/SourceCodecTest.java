package io.pricewar.scraper.assign;

import io.pricewar.scraper.source.Source;
import io.pricewar.scraper.source.SourceCatalog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    void readsDurationsAsConfigurationWritesThem() {
        Source source = SourceCodec.readSource("""
                {"id":"demo","vendor":"demo","url":"https://vendor.example/p","interval":"30m","currency":"CNY",
                 "table":{"selector":"table","modelColumn":"Model","meters":{"input":"Input"}}}
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(source.interval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(source.table().meters()).containsEntry("input", "Input");
    }

    @Test
    void namesTheFieldItCannotRead() {
        assertThatThrownBy(() -> SourceCodec.readSource("{\"id\":\"demo\",\"interval\":\"soon\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("interval");
    }
}
