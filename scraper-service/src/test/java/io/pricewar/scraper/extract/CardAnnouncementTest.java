package io.pricewar.scraper.extract;

import io.pricewar.events.Evidence;
import io.pricewar.events.PricePointId;
import io.pricewar.scraper.diff.PriceBook;
import io.pricewar.scraper.diff.Safeguard;
import io.pricewar.scraper.diff.SafetyRules;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.pricewar.scraper.extract.FixturePages.points;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notice just above a price card, or above the block holding it, announces that card's prices
 * (and the discounted tiers priced from them) for its instant, as it does a table's; a notice
 * whose instant cannot be read leaves the card's prices unread, never taken for today's.
 */
class CardAnnouncementTest {

    private static final PriceNotation.Context USD = new PriceNotation.Context(Currency.getInstance("USD"), null);
    private static final CardRule CARDS = new CardRule("div.card", "h3", "p", "span",
            new LinkedHashMap<>(Map.of("input", "Input", "output", "Output")), Map.of("batch", ".batch"));
    private static final String TODAY = """
            <div class="card"><h3>gpt-4o</h3><p>Input <span>$2.50 / 1M tokens</span></p><p>Output <span>$10.00 / 1M tokens</span></p></div>
            """;
    private static final String BATCH = "<em class=\"batch\">Batch API: 50% off</em>";

    @Test
    void aNoticeJustAboveACardAnnouncesItsPricesAndItsDiscountedTiers() {
        Extraction extraction = read(TODAY + """
                <p>From 16:00 UTC on Oct 1st, 2025, GPT-4o will change to the following prices:</p>
                <div class="card"><h3>gpt-4o</h3><p>Input <span>$2.00 / 1M tokens</span></p><p>Output <span>$8.00 / 1M tokens</span></p></div>
                """ + BATCH);

        String batch = " · Batch API: 50% off";
        String from = " [from 2025-10-01T16:00:00Z]";
        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "openai:gpt-4o:input:standard = 2.5 USD PER_1M_TOKENS « $2.50 / 1M tokens",
                "openai:gpt-4o:output:standard = 10 USD PER_1M_TOKENS « $10.00 / 1M tokens",
                "openai:gpt-4o:input:batch = 1.25 USD PER_1M_TOKENS « $2.50 / 1M tokens" + batch,
                "openai:gpt-4o:output:batch = 5 USD PER_1M_TOKENS « $10.00 / 1M tokens" + batch,
                "openai:gpt-4o:input:standard = 2 USD PER_1M_TOKENS « $2.00 / 1M tokens" + from,
                "openai:gpt-4o:output:standard = 8 USD PER_1M_TOKENS « $8.00 / 1M tokens" + from,
                "openai:gpt-4o:input:batch = 1 USD PER_1M_TOKENS « $2.00 / 1M tokens" + batch + from,
                "openai:gpt-4o:output:batch = 4 USD PER_1M_TOKENS « $8.00 / 1M tokens" + batch + from);
    }

    @Test
    void aNoticeAboveTheBlockHoldingACardAnnouncesIt() {
        Extraction extraction = read("""
                <section>%s</section>
                <h2>Upcoming</h2>
                <p>北京时间 2025年10月1日 00:00 起，价格调整为：</p>
                <section><div class="grid"><div class="card"><h3>gpt-4o</h3><p>Input <span>$2.00 / 1M tokens</span></p></div></div></section>
                """.formatted(TODAY));

        assertThat(extraction.rejected()).isEmpty();
        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "openai:gpt-4o:input:standard = 2.5 USD PER_1M_TOKENS « $2.50 / 1M tokens",
                "openai:gpt-4o:output:standard = 10 USD PER_1M_TOKENS « $10.00 / 1M tokens",
                "openai:gpt-4o:input:standard = 2 USD PER_1M_TOKENS « $2.00 / 1M tokens [from 2025-09-30T16:00:00Z]");
    }

    /** "From October 1, 2025" names no time zone: which instant it means is not known, so nothing is read from the card. */
    @Test
    void aNoticeNamingNoTimeZoneLeavesTheCardsPricesUnreadWithTheReasonNotTakenAsToday() {
        Extraction extraction = read("""
                <p>From October 1, 2025, GPT-4o will change to the following prices:</p>
                <div class="card"><h3>gpt-4o</h3><p>Input <span>$2.00 / 1M tokens</span></p><p>Output <span>$8.00 / 1M tokens</span></p></div>
                <div class="card"><h3>gpt-4o mini</h3><p>Input <span>$0.15 / 1M tokens</span></p><p>Output <span>$0.60 / 1M tokens</span></p></div>
                """ + BATCH);

        assertThat(points(extraction)).containsExactlyInAnyOrder(
                "openai:gpt-4o-mini:input:standard = 0.15 USD PER_1M_TOKENS « $0.15 / 1M tokens",
                "openai:gpt-4o-mini:output:standard = 0.6 USD PER_1M_TOKENS « $0.60 / 1M tokens",
                "openai:gpt-4o-mini:input:batch = 0.075 USD PER_1M_TOKENS « $0.15 / 1M tokens · Batch API: 50% off",
                "openai:gpt-4o-mini:output:batch = 0.3 USD PER_1M_TOKENS « $0.60 / 1M tokens · Batch API: 50% off");
        assertThat(extraction.rejected()).extracting(RejectedCell::cellText)
                .containsExactlyInAnyOrder("$2.00 / 1M tokens", "$8.00 / 1M tokens");
        assertThat(extraction.rejected()).allSatisfy(cell -> assertThat(cell.reason()).isEqualTo(
                "the notice 'from october 1, 2025, gpt-4o will change to the following prices:' announces a price"
                        + " but names no time zone"));
        assertThat(extraction.unreadable()).extracting(PricePointId::toString).containsExactlyInAnyOrder(
                "openai:gpt-4o:input:standard", "openai:gpt-4o:output:standard",
                "openai:gpt-4o:input:batch", "openai:gpt-4o:output:batch");
    }

    /**
     * The page replaced GPT-4o's card by its upcoming one under a notice that cannot be read: its
     * points are on the page, unread, so reading after reading nothing of GPT-4o is delisted.
     */
    @Test
    void aCardUnderAnUnreadableNoticeIsNeverDelisted() {
        String mini = """
                <div class="card"><h3>gpt-4o mini</h3><p>Input <span>$0.15 / 1M tokens</span></p><p>Output <span>$0.60 / 1M tokens</span></p></div>
                """;
        PriceBook book = new PriceBook();
        Safeguard safeguard = new Safeguard(SafetyRules.DEFAULTS);
        Instant at = Instant.parse("2025-09-01T00:00:00Z");
        judge(read(TODAY + mini), book, safeguard, at).events().forEach(book::apply);
        assertThat(book.size()).isEqualTo(4);

        Extraction replaced = read("""
                <p>From October 1, 2025, GPT-4o will change to the following prices:</p>
                <div class="card"><h3>gpt-4o</h3><p>Input <span>$2.00 / 1M tokens</span></p><p>Output <span>$8.00 / 1M tokens</span></p></div>
                """ + mini);
        for (int run = 1; run <= 2 * SafetyRules.DEFAULTS.delistAfter(); run++) {
            Safeguard.Verdict verdict = judge(replaced, book, safeguard, at.plus(Duration.ofHours(run)));
            assertThat(verdict.layoutProblem()).isNull();
            assertThat(verdict.events()).as("run %d", run).isEmpty();
        }
        assertThat(safeguard.missing()).isEmpty();
    }

    private static Extraction read(String html) {
        return CardExtractor.extract(Jsoup.parse(html), "openai", CARDS, USD);
    }

    private static Safeguard.Verdict judge(Extraction extraction, PriceBook book, Safeguard safeguard, Instant at) {
        return safeguard.judge(book, extraction.prices(), extraction.unreadable(),
                new Evidence("https://vendor.example/pricing", at, "e".repeat(64), ""));
    }
}
