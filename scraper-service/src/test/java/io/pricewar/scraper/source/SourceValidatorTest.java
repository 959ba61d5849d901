package io.pricewar.scraper.source;

import io.pricewar.scraper.extract.CardRule;
import io.pricewar.scraper.extract.ColumnsTableRule;
import io.pricewar.scraper.extract.JsonFeedRule;
import io.pricewar.scraper.extract.TableRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Currency;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceValidatorTest {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void aCompleteDefinitionHasNoProblem() {
        Source source = new Source("acme", "Acme", "https://acme.example/pricing", Duration.ofHours(1), USD,
                FixtureRules.TABLE);

        assertThat(SourceValidator.validate(source)).isEmpty();
        assertThat(source.vendor()).isEqualTo("acme");
    }

    @Test
    void namesEveryMissingField() {
        Source source = new Source(null, null, null, null, null, null, null, null, null, null, null);

        assertThat(SourceValidator.validate(source)).containsExactly(
                "id is missing", "vendor is missing", "url is missing",
                "exactly one rule is needed (table, columns, cards or feed), found 0");
    }

    @Test
    void rejectsTwoRulesABadCronANonPositiveIntervalAndABadJsonPath() {
        JsonFeedRule feed = new JsonFeedRule("$.data[*", "$.id", Map.of("input", "$.pricing.prompt"), null);
        Source source = new Source("acme", "acme", "https://acme.example/feed", Duration.ZERO, "every hour", null, true,
                FixtureRules.TABLE, null, null, feed);

        assertThat(SourceValidator.validate(source)).anySatisfy(p -> assertThat(p).startsWith("interval must be positive"))
                .anySatisfy(p -> assertThat(p).startsWith("cron 'every hour' is not a cron expression"))
                .anySatisfy(p -> assertThat(p).isEqualTo("exactly one rule is needed (table, columns, cards or feed), found 2"))
                .anySatisfy(p -> assertThat(p).startsWith("feed.items '$.data[*' is not a JSONPath"))
                .anySatisfy(p -> assertThat(p).isEqualTo("currency is missing: a JSON feed's prices do not name it"));
    }

    @Test
    void rejectsMeterAndTierNamesThatCannotBePartOfAPointId() {
        ColumnsTableRule columns = new ColumnsTableRule("table", Map.of("Input Price", "INPUT"), Map.of("Off Peak", ""));
        Source source = new Source("ds", "deepseek", "https://d.example/", null, null, USD, null, null, columns, null, null);

        assertThat(SourceValidator.validate(source)).containsExactlyInAnyOrder(
                "meters: 'Input Price' is not a lower-case slug ([a-z0-9._+-])",
                "columns.tiers: 'Off Peak' is not a lower-case slug ([a-z0-9._+-])",
                "columns.tiers.Off Peak is missing");
    }

    @Test
    void aConfiguredSourceWithAProblemStopsTheStartWithItsProblems() {
        CardRule cards = new CardRule("div.card", "h3", null, ".price", Map.of("input", "Input"), Map.of());
        Source source = new Source("openai", "openai", "https://openai.com/api/pricing/", null, null, USD, null,
                null, null, cards, null);

        assertThatThrownBy(() -> new SourceProperties(java.util.List.of(source)))
                .isInstanceOf(SourceValidator.InvalidSourceException.class)
                .hasMessage("pricewar.scraper.sources: source openai: cards.line is missing");
    }

    @Test
    void theRowsTableRuleNamesItsMissingModelColumn() {
        TableRule rule = new TableRule("table", " ", null, Map.of("input", "输入"));

        assertThat(rule.problems()).containsExactly("table.model-column is missing");
    }
}
