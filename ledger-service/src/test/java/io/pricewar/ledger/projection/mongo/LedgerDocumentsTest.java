package io.pricewar.ledger.projection.mongo;

import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Date;
import java.time.Instant;

import static io.pricewar.ledger.SampleEvents.at;
import static io.pricewar.ledger.SampleEvents.qwenCut;
import static io.pricewar.ledger.SampleEvents.qwenDelisted;
import static org.assertj.core.api.Assertions.assertThat;

class LedgerDocumentsTest {

    @Test
    void historyDocumentKeepsAmountsExactlyAsDecimal128WithCurrencyAndUnit() {
        Document doc = LedgerDocuments.history(HistoryEntry.of(at(qwenCut(), 3, 41)));

        Document price = doc.get("price", Document.class);
        assertThat(price.get("amount")).isEqualTo(new Decimal128(new BigDecimal("0.0005")));
        assertThat(price.get("per1M")).isEqualTo(new Decimal128(new BigDecimal("0.5")));
        assertThat(price.getString("currency")).isEqualTo("CNY");
        assertThat(price.getString("unit")).isEqualTo("PER_1K_TOKENS");
        assertThat(doc.get("previousPrice", Document.class).get("amount"))
                .isEqualTo(new Decimal128(new BigDecimal("0.02")));
        assertThat(doc).containsEntry("pointId", "alibaba:qwen-long:input:standard")
                .containsEntry("vendor", "alibaba").containsEntry("model", "qwen-long")
                .containsEntry("meter", "input").containsEntry("tier", "standard")
                .containsEntry("seq", 2L).containsEntry("type", "PriceChanged")
                .containsEntry("observedAt", Date.from(Instant.parse("2024-05-21T02:00:00Z")));
        assertThat(doc.get("source", Document.class)).containsEntry("partition", 3).containsEntry("offset", 41L);
    }

    @Test
    void historyEntryReadsBackAsWritten() {
        HistoryEntry entry = HistoryEntry.of(at(qwenCut(), 3, 41));

        assertThat(LedgerDocuments.historyEntry(LedgerDocuments.history(entry))).isEqualTo(entry);
    }

    @Test
    void currentPriceOfADelistedPointReadsBackAsWritten() {
        CurrentPrice current = CurrentPrice.after(qwenDelisted());
        Document doc = LedgerDocuments.current(current);

        assertThat(doc).containsEntry("_id", "alibaba:qwen-long:input:standard").containsEntry("status", "DELISTED");
        assertThat(LedgerDocuments.currentPrice(doc)).isEqualTo(current);
    }
}
