package io.pricewar.scraper.extract;

import io.pricewar.events.PriceUnit;
import org.junit.jupiter.api.Test;

import java.util.Currency;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFeedExtractorTest {

    private static final JsonFeedRule FEED = new JsonFeedRule("$.data[*]", "$.id",
            Map.of("input", "$.pricing.prompt", "output", "$.pricing.completion"), null);
    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void scalesPerTokenDecimalStringsExactlyToPerMillionAndRefusesNegativeOrFloatingPrices() {
        Extraction extraction = JsonFeedExtractor.extract(FixturePages.html("model-feed.json"), "openrouter", FEED, USD);

        assertThat(FixturePages.points(extraction)).containsExactlyInAnyOrder(
                "openrouter:openai-gpt-4o:input:standard = 2.5 USD PER_1M_TOKENS « 0.0000025",
                "openrouter:openai-gpt-4o:output:standard = 10 USD PER_1M_TOKENS « 0.00001",
                "openrouter:deepseek-deepseek-chat:input:standard = 0.27 USD PER_1M_TOKENS « 0.00000027",
                "openrouter:deepseek-deepseek-chat:output:standard = 1.1 USD PER_1M_TOKENS « 0.0000011",
                "openrouter:meta-llama-llama-3.3-8b-free:input:standard = 0 USD PER_1M_TOKENS « 0",
                "openrouter:meta-llama-llama-3.3-8b-free:output:standard = 0 USD PER_1M_TOKENS « 0",
                "openrouter:rounded-float:output:standard = 10 USD PER_1M_TOKENS « 0.00001");
        assertThat(extraction.rejected()).extracting(RejectedCell::model, RejectedCell::meter)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("openrouter/auto", "input"),
                        org.assertj.core.groups.Tuple.tuple("openrouter/auto", "output"),
                        org.assertj.core.groups.Tuple.tuple("rounded/float", "input"));
        assertThat(extraction.rejected()).filteredOn(cell -> cell.model().equals("rounded/float"))
                .singleElement().satisfies(cell -> assertThat(cell.reason()).contains("not a decimal string"));
    }

    @Test
    void aFeedPricedPerThousandIsScaledByAThousand() {
        JsonFeedRule perThousand = new JsonFeedRule("$.models", "$.name", Map.of("input", "$.in"), PriceUnit.PER_1K_TOKENS);

        Extraction extraction = JsonFeedExtractor.extract("{\"models\":[{\"name\":\"qwen-long\",\"in\":\"0.0005\"}]}",
                "alibaba", perThousand, Currency.getInstance("CNY"));

        assertThat(FixturePages.points(extraction)).containsExactly(
                "alibaba:qwen-long:input:standard = 0.5 CNY PER_1M_TOKENS « 0.0005");
    }

    @Test
    void aFeedWithoutItsListIsALayoutChange() {
        Extraction extraction = JsonFeedExtractor.extract("{\"models\":[]}", "x", FEED, USD);

        assertThat(extraction.isHealthy()).isFalse();
        assertThat(extraction.problem()).contains("$.data[*]");
    }

    @Test
    void aBodyThatIsNotJsonIsALayoutChange() {
        Extraction extraction = JsonFeedExtractor.extract("<html>maintenance</html>", "x", FEED, USD);

        assertThat(extraction.isHealthy()).isFalse();
        assertThat(extraction.problem()).contains("not JSON");
    }
}
