package io.pricewar.ledger.workload;

import io.pricewar.ledger.MayTimeline;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.query.InvalidParameterException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkloadRankingTest {

    static final Currency CNY = Currency.getInstance("CNY");
    static final Currency USD = Currency.getInstance("USD");
    static final MeterNames METERS = new MeterNames("input", "output", "input-cache-hit");
    static final FxRates FX = new FxRates(List.of(
            new FxRates.Table(LocalDate.parse("2024-05-01"), Map.of(CNY, new BigDecimal("7.24"))),
            new FxRates.Table(LocalDate.parse("2025-01-01"), Map.of(CNY, new BigDecimal("7.30")))));

    @Test
    void blendedPriceWeighsOutputWhereTheHeadlineDoesNot() {
        var ranking = WorkloadRanking.rank(current(), workload("3:1", CNY, "2024-06-01"), METERS, FX);

        assertThat(ranking.ranked()).extracting(WorkloadRanking.ModelCost::model)
                .containsExactly("qwen-long", "doubao-pro-32k", "deepseek-v2", "gpt-4o");
        var doubao = ranking.ranked().get(1);
        assertThat(doubao.headlineInputPer1M()).isEqualByComparingTo("0.8");
        assertThat(doubao.blendedPer1M()).isEqualByComparingTo("1.1");
    }

    @Test
    void usesTheNewestRateTableOnOrBeforeTheDayAndSaysWhichOne() {
        var in2024 = WorkloadRanking.rank(current(), workload("1:0", USD, "2024-12-31"), METERS, FX);
        var in2025 = WorkloadRanking.rank(current(), workload("1:0", USD, "2025-02-01"), METERS, FX);

        assertThat(in2024.ratesUsed()).singleElement().satisfies(rate -> {
            assertThat(rate.date()).isEqualTo(LocalDate.parse("2024-05-01"));
            assertThat(rate.from()).isEqualTo(CNY);
        });
        assertThat(in2025.ratesUsed()).singleElement()
                .satisfies(rate -> assertThat(rate.date()).isEqualTo(LocalDate.parse("2025-01-01")));
    }

    @Test
    void cachedInputWithoutItsOwnPriceIsChargedAsInputAndNoted() {
        var ranking = WorkloadRanking.rank(current(), workload("1:1:2", CNY, "2024-06-01"), METERS, FX);

        var doubao = model(ranking, "doubao-pro-32k");
        assertThat(doubao.blendedPer1M()).isEqualByComparingTo("1.1");
        assertThat(doubao.notes()).singleElement().asString().contains("input-cache-hit");
    }

    @Test
    void cachedInputIsPricedAtTheCacheHitPriceWhereTheModelHasOne() {
        List<CurrentPrice> current = new ArrayList<>(current());
        current.add(CurrentPrice.after(MayTimeline.deepSeekCacheHitListed()));

        var ranking = WorkloadRanking.rank(current, workload("1:1:2", CNY, "2024-08-05"), METERS, FX);

        var deepseek = model(ranking, "deepseek-v2");
        assertThat(deepseek.blendedPer1M()).isEqualByComparingTo("0.8");
        assertThat(deepseek.headlineInputPer1M()).isEqualByComparingTo("1");
        assertThat(deepseek.notes()).isEmpty();
        assertThat(model(ranking, "qwen-long").blendedPer1M()).isEqualByComparingTo("0.875");
        assertThat(ranking.ranked().getFirst()).isSameAs(deepseek);
    }

    @Test
    void noRateBeforeTheFirstTableIsABadParameter() {
        assertThatThrownBy(() -> WorkloadRanking.rank(current(), workload("1:1", USD, "2023-01-01"), METERS, FX))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void contextIsReadFromModelSizeOrTierBandAndIsOtherwiseUnknown() {
        assertThat(ContextLength.of("doubao-pro-32k", "standard")).hasValue(32_000);
        assertThat(ContextLength.of("qwen-plus", "32k-lt-token-le-128k")).hasValue(128_000);
        assertThat(ContextLength.of("deepseek-v2", "standard")).isEmpty();
    }

    private static WorkloadRanking.ModelCost model(WorkloadRanking.Ranking ranking, String model) {
        return ranking.ranked().stream().filter(cost -> cost.model().equals(model)).findFirst().orElseThrow();
    }

    private static Workload workload(String mix, Currency currency, String day) {
        return new Workload(TokenMix.parse(mix), currency, LocalDate.parse(day), OptionalLong.empty());
    }

    private static List<CurrentPrice> current() {
        Map<String, CurrentPrice> latest = new LinkedHashMap<>();
        MayTimeline.events().forEach(event -> latest.put(event.pointId().toString(), CurrentPrice.after(event)));
        return List.copyOf(latest.values());
    }
}
