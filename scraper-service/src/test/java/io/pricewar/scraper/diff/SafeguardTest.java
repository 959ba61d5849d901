package io.pricewar.scraper.diff;

import io.pricewar.events.Evidence;
import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import io.pricewar.events.ScrapeHealth;
import io.pricewar.events.ScrapeHealthJson;
import io.pricewar.scraper.extract.ExtractedPrice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a book holding a page's points, when the page is read again, then what may be published. */
class SafeguardTest {

    private static final String URL = "https://vendor.example/pricing";
    private static final Instant T0 = Instant.parse("2024-05-21T00:00:00Z");
    /** A cell the page shows but the reader could not read. */
    private static final String UNREADABLE = "请咨询销售";
    private static final SafetyRules RULES = new SafetyRules(3, Duration.ofMinutes(5), null, null, null);

    private final PriceBook book = new PriceBook();
    private Safeguard safeguard = new Safeguard(RULES);
    private final Map<String, String> page = new LinkedHashMap<>();
    private Instant now = T0;

    @BeforeEach
    void aPageOfFourPointsIsKnown() {
        page.put("qwen-long:input", "0.02");
        page.put("qwen-long:output", "0.02");
        page.put("qwen-max:input", "0.12");
        page.put("qwen-max:output", "0.12");
        assertThat(read()).hasSize(4).allSatisfy(e -> assertThat(e).isInstanceOf(PriceListed.class));
    }

    @Test
    void aPageShowingFewOfItsKnownPointsIsALayoutChangeAndPublishesNothing() {
        page.remove("qwen-long:input");
        page.remove("qwen-long:output");
        page.remove("qwen-max:input");

        Safeguard.Verdict verdict = judge();

        assertThat(verdict.layoutChanged()).isTrue();
        assertThat(verdict.layoutProblem()).contains("only 1 of the 4 points");
        assertThat(verdict.events()).isEmpty();
    }

    @Test
    void pricesTradingPlacesBetweenPointsIsALayoutChangeNotARepricing() {
        page.put("qwen-long:input", "0.12");
        page.put("qwen-max:input", "0.02");

        Safeguard.Verdict verdict = judge();

        assertThat(verdict.layoutProblem()).contains("swapped");
        assertThat(verdict.events()).isEmpty();
    }

    @Test
    void aPointMissingFromAHealthyPageIsDelistedOnlyOnTheThirdConsecutiveReading() {
        page.remove("qwen-max:output");

        assertThat(read()).isEmpty();
        assertThat(read()).isEmpty();
        List<PriceEvent> third = read();

        assertThat(third).singleElement().isInstanceOfSatisfying(PriceDelisted.class, d -> {
            assertThat(d.pointId().toString()).isEqualTo("alibaba:qwen-max:output:standard");
            assertThat(d.lastPrice().amount()).isEqualByComparingTo("0.12");
            assertThat(d.seq()).isEqualTo(2);
        });
        assertThat(read()).isEmpty();
    }

    @Test
    void aPointWhoseCellCannotBeReadIsNeverDelistedNorRepriced() {
        page.put("qwen-max:output", UNREADABLE);

        for (int reading = 0; reading < 5; reading++) {
            assertThat(read()).isEmpty();
        }
        assertThat(safeguard.missing()).isEmpty();
    }

    @Test
    void aPointMissingTwiceThenShownUnreadableStartsItsCountAgain() {
        page.remove("qwen-max:output");
        read();
        read();
        page.put("qwen-max:output", UNREADABLE);
        read();
        page.remove("qwen-max:output");

        assertThat(read()).isEmpty();
        assertThat(read()).isEmpty();
        assertThat(read()).singleElement().isInstanceOf(PriceDelisted.class);
    }

    @Test
    void aPointThatComesBackBeforeTheThirdReadingStartsItsCountAgain() {
        page.remove("qwen-max:output");
        read();
        read();
        page.put("qwen-max:output", "0.12");
        read();
        page.remove("qwen-max:output");

        assertThat(read()).isEmpty();
        assertThat(read()).isEmpty();
        assertThat(read()).hasSize(1);
    }

    @Test
    void aLayoutChangeNeitherCountsTowardsNorPublishesADelisting() {
        page.remove("qwen-max:output");
        read();
        read();
        Map<String, String> healthy = new LinkedHashMap<>(page);
        page.clear();
        page.put("qwen-long:input", "0.02");

        assertThat(judge().layoutChanged()).isTrue();
        page.putAll(healthy);
        assertThat(read()).singleElement().isInstanceOf(PriceDelisted.class);
    }

    @Test
    void aPlausibleCutIsPublishedAtOnce() {
        page.put("qwen-max:input", "0.04");

        assertThat(read()).singleElement().isInstanceOfSatisfying(PriceChanged.class,
                c -> assertThat(c.newPrice().amount()).isEqualByComparingTo("0.04"));
    }

    @Test
    void anImplausibleDropIsHeldUntilAReScrapeMinutesLaterConfirmsIt() {
        page.put("qwen-long:input", "0.0005");

        Safeguard.Verdict first = judge();
        assertThat(first.events()).isEmpty();
        assertThat(first.held()).singleElement().satisfies(h -> assertThat(h.reason()).contains("97.5%"));
        assertThat(safeguard.confirmationDue()).contains(now.plus(Duration.ofMinutes(5)));

        now = now.plus(Duration.ofMinutes(1));
        assertThat(read()).as("too soon to confirm").isEmpty();

        now = now.plus(Duration.ofMinutes(4));
        assertThat(read()).singleElement().isInstanceOfSatisfying(PriceChanged.class, c -> {
            assertThat(c.newPrice().per1M()).isEqualByComparingTo("0.5");
            assertThat(c.evidence().fetchedAt()).isEqualTo(now);
        });
        assertThat(judge().held()).isEmpty();
    }

    @Test
    void aRealDropToFreeGoesThroughOnceConfirmed() {
        page.put("qwen-max:output", "0");

        assertThat(read()).isEmpty();
        now = now.plus(Duration.ofMinutes(6));

        assertThat(read()).singleElement().isInstanceOfSatisfying(PriceChanged.class,
                c -> assertThat(c.newPrice().isFree()).isTrue());
    }

    @Test
    void aHeldJumpThatTheReScrapeDoesNotShowAgainIsNeverPublished() {
        page.put("qwen-long:input", "20");
        Safeguard.Verdict held = judge();
        assertThat(held.held()).singleElement().satisfies(h -> assertThat(h.reason()).contains("unit mix-up"));

        page.put("qwen-long:input", "0.02");
        now = now.plus(Duration.ofMinutes(6));

        Safeguard.Verdict next = judge();
        assertThat(next.events()).isEmpty();
        assertThat(next.held()).isEmpty();
    }

    @Test
    void aCurrencyFlipIsHeld() {
        List<ExtractedPrice> prices = prices();
        prices.set(0, new ExtractedPrice(prices.getFirst().pointId(), Price.of("0.02", "USD", PriceUnit.PER_1K_TOKENS), "$0.02"));

        Safeguard.Verdict verdict = safeguard.judge(book, prices, evidence());

        assertThat(verdict.events()).isEmpty();
        assertThat(verdict.held()).singleElement().satisfies(h -> assertThat(h.reason()).contains("currency flip"));
    }

    @Test
    void aRestartCarriesOnCountingAMissingPointFromTheLastRun() {
        page.remove("qwen-max:output");
        assertThat(read()).isEmpty();
        assertThat(read()).isEmpty();
        assertThat(safeguard.missing()).singleElement().satisfies(m -> assertThat(m.runs()).isEqualTo(2));

        restartFromTheLastRunsRecord();

        assertThat(read()).as("the third reading in a row, the first since the restart")
                .singleElement().isInstanceOf(PriceDelisted.class);
    }

    @Test
    void aRestartKeepsAHeldChangeAndConfirmsItWhenItWasDue() {
        page.put("qwen-long:input", "0.0005");
        assertThat(judge().held()).hasSize(1);
        Instant heldAt = now;

        restartFromTheLastRunsRecord();

        assertThat(safeguard.confirmationDue()).contains(heldAt.plus(Duration.ofMinutes(5)));
        now = now.plus(Duration.ofMinutes(5));
        assertThat(read()).as("confirmed five minutes after it was first read, not held anew")
                .singleElement().isInstanceOf(PriceChanged.class);
    }

    @Test
    void aRestartDoesNotConfirmAHoldWithADifferentPrice() {
        page.put("qwen-long:input", "0.0005");
        judge();
        restartFromTheLastRunsRecord();
        page.put("qwen-long:input", "0.0004");
        now = now.plus(Duration.ofMinutes(5));

        Safeguard.Verdict verdict = judge();

        assertThat(verdict.events()).isEmpty();
        assertThat(verdict.held()).singleElement().satisfies(h -> {
            assertThat(h.price().amount()).isEqualByComparingTo("0.0004");
            assertThat(h.since()).isEqualTo(now);
        });
    }

    /** A new replica's safeguard, from what the last run put on scrape-health, read back from its JSON. */
    private void restartFromTheLastRunsRecord() {
        ScrapeHealth last = new ScrapeHealth(ScrapeHealth.CURRENT_SCHEMA_VERSION, "alibaba-models", "alibaba", URL,
                ScrapeHealth.Outcome.SUCCEEDED, now, now, "", 4, 0, 0, 0, false, "e".repeat(64),
                safeguard.missing(), safeguard.held());
        ScrapeHealth read = ScrapeHealthJson.read(ScrapeHealthJson.write(last));
        safeguard = new Safeguard(RULES, read.missing(), read.held());
    }

    private List<PriceEvent> read() {
        Safeguard.Verdict verdict = judge();
        assertThat(verdict.layoutChanged()).as("layout problem: %s", verdict.layoutProblem()).isFalse();
        verdict.events().forEach(book::apply);
        return verdict.events();
    }

    private Safeguard.Verdict judge() {
        return safeguard.judge(book, prices(), unreadable(), evidence());
    }

    private Set<PricePointId> unreadable() {
        Set<PricePointId> unreadable = new HashSet<>();
        page.forEach((point, amount) -> {
            if (amount.equals(UNREADABLE)) {
                unreadable.add(id(point));
            }
        });
        return unreadable;
    }

    private static PricePointId id(String modelMeter) {
        String[] parts = modelMeter.split(":");
        return PricePointId.of("alibaba", parts[0], parts[1], "standard");
    }

    private Evidence evidence() {
        return new Evidence(URL, now, "e".repeat(64), "");
    }

    private List<ExtractedPrice> prices() {
        List<ExtractedPrice> prices = new ArrayList<>();
        page.forEach((point, amount) -> {
            if (amount.equals(UNREADABLE)) {
                return;
            }
            prices.add(new ExtractedPrice(id(point),
                    new Price(new BigDecimal(amount), java.util.Currency.getInstance("CNY"), PriceUnit.PER_1K_TOKENS),
                    amount + "元/千tokens"));
        });
        return prices;
    }
}
