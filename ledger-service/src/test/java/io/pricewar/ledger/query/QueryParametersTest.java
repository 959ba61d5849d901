package io.pricewar.ledger.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParametersTest {

    @Test
    void modelGlobMatchesWholeSlugsAndQuotesEverythingElse() {
        String regex = PriceFilter.of(null, "Doubao-Pro-??k*", null, null, null).modelRegex();

        assertThat("doubao-pro-32k").matches(regex);
        assertThat("doubao-pro-128k").doesNotMatch(regex);
        assertThat("xdoubao-pro-32k").doesNotMatch(regex);
        assertThat("qwenXlong").doesNotMatch(PriceFilter.of(null, "qwen.long", null, null, null).modelRegex());
    }

    @Test
    void invertedRangeIsRejectedNamingTheEnd() {
        assertThatThrownBy(() -> TimeRange.of("2024-05-22", "2024-05-01"))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("to"));
    }

    @Test
    void datesAreUtcMidnightAndRangesAreHalfOpen() {
        TimeRange may21 = TimeRange.of("2024-05-21", "2024-05-22");

        assertThat(may21.contains(Instant.parse("2024-05-21T00:00:00Z"))).isTrue();
        assertThat(may21.contains(Instant.parse("2024-05-22T00:00:00Z"))).isFalse();
    }

    @Test
    void malformedInstantIsRejected() {
        assertThatThrownBy(() -> TimeRange.of("21/05/2024", null))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> assertThat(e.parameter()).isEqualTo("from"));
    }

    @Test
    void cursorRoundTripsAndForgeriesAreRejected() {
        assertThat(HistoryPage.afterSeq(HistoryPage.cursorAfter(42))).isEqualTo(42);
        assertThatThrownBy(() -> HistoryPage.afterSeq("bm90LWEtY3Vyc29y")).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void csvFieldsWithCommasOrQuotesAreQuoted() {
        assertThat(HistoryCsv.field("0.0008元/千tokens")).isEqualTo("0.0008元/千tokens");
        assertThat(HistoryCsv.field("$3, per \"MTok\"")).isEqualTo("\"$3, per \"\"MTok\"\"\"");
    }
}
