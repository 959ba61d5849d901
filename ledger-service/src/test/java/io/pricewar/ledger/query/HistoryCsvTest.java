package io.pricewar.ledger.query;

import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import io.pricewar.ledger.SampleEvents;
import io.pricewar.ledger.projection.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"https://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3",
            "@SUM(A1:A9)", "\t=1+1", "\r=1+1"})
    void textCellsThatASpreadsheetWouldRunAreMadePlainText(String hostile) {
        String cell = HistoryCsv.text(hostile);

        String unquoted = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1).replace("\"\"", "\"") : cell;
        assertThat(unquoted).isEqualTo("'" + hostile);
    }

    @Test
    void harmlessTextIsLeftAlone() {
        assertThat(HistoryCsv.text("0.0008元/千tokens")).isEqualTo("0.0008元/千tokens");
        assertThat(HistoryCsv.text("2024-05-21T02:00:00Z")).isEqualTo("2024-05-21T02:00:00Z");
        assertThat(HistoryCsv.text("a=b")).isEqualTo("a=b");
        assertThat(HistoryCsv.text("")).isEmpty();
    }

    @Test
    void aWholeLineNeutralisesHostileCellTextButKeepsExactAmounts() {
        PricePointId point = PricePointId.of("vendor", "model", "input", "standard");
        Price price = Price.of("0.000500", "CNY", PriceUnit.PER_1K_TOKENS);
        var event = PriceEvents.listed(PointHead.genesis(point), price,
                SampleEvents.seen("2024-05-21T02:00:00Z", "=1+1,@A1"));

        String line = HistoryCsv.line(HistoryEntry.of(SampleEvents.at(event, 0, 0)));

        assertThat(line).contains(",\"'=1+1,@A1\",")
                .contains(",0.000500,CNY,PER_1K_TOKENS," + price.per1M().toPlainString() + ",")
                .endsWith("\r\n");
        assertThat(line.split(",", -1)).hasSize(HistoryCsv.HEADER.split(",").length + 1);
    }
}
