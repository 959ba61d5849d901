package io.pricewar.scraper.run;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import io.pricewar.events.ScrapeHealth;
import io.pricewar.scraper.diff.SafetyRules;
import io.pricewar.scraper.extract.TableRule;
import io.pricewar.scraper.fetch.FetchException;
import io.pricewar.scraper.fetch.PageFetcher;
import io.pricewar.scraper.kafka.HealthPublisher;
import io.pricewar.scraper.kafka.PriceBookFollower;
import io.pricewar.scraper.kafka.PriceEventPublisher;
import io.pricewar.scraper.kafka.SnapshotPublisher;
import io.pricewar.scraper.source.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Which safeguard a replica judges a source with: its own while it scrapes the source, and one
 * carrying on from the source's last record on {@code scrape-health} once it has let the source go
 * and got it back (another replica may have moved the source's counts and holds on meanwhile).
 * Every run here fails to fetch, which is enough to make the runner take up the source's safeguard.
 */
class ScrapeRunnerTest {

    private static final Instant NOW = Instant.parse("2025-01-02T00:00:00Z");
    private static final Source SOURCE = new Source("alibaba-models", "alibaba", "http://127.0.0.1:9/pricing",
            Duration.ofHours(1), Currency.getInstance("CNY"), new TableRule("table.price-table", "模型名称", null,
            Map.of("input", "输入")));
    private static final ScrapeHealth.Held QWEN_LONG_CUT = new ScrapeHealth.Held(
            PricePointId.of("alibaba", "qwen-long", "input", "standard"), Price.of("0.5", "CNY", PriceUnit.PER_1M_TOKENS),
            NOW.minusSeconds(60), "a cut of 97.5%");

    private final PageFetcher fetcher = mock(PageFetcher.class);
    private final HealthPublisher health = mock(HealthPublisher.class);
    private final LastRuns lastRuns = mock(LastRuns.class);
    private final ScrapeRunner runner = new ScrapeRunner(fetcher, mock(PriceEventPublisher.class),
            mock(SnapshotPublisher.class), health, mock(PriceBookFollower.class), SafetyRules.DEFAULTS, lastRuns,
            new SimpleMeterRegistry(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void failEveryFetch() {
        when(fetcher.fetch(any(), any())).thenReturn(Mono.error(FetchException.permanent("503 from the vendor")));
        when(health.publish(any())).thenAnswer(call -> Mono.just(call.getArgument(0)));
    }

    @Test
    void aSourcesFirstRunOnAReplicaCarriesOnFromItsLastRecord() {
        lastRunHeld(List.of(QWEN_LONG_CUT));

        ScrapeHealth run = runner.run(SOURCE).block();

        assertThat(run.held()).containsExactly(QWEN_LONG_CUT);
        assertThat(runner.confirmationDue(SOURCE.id())).contains(QWEN_LONG_CUT.since().plus(SafetyRules.DEFAULTS.confirmAfter()));
    }

    @Test
    void aReplicaKeepsItsOwnSafeguardWhileItScrapesTheSource() {
        lastRunHeld(List.of(QWEN_LONG_CUT));
        runner.run(SOURCE).block();
        lastRunHeld(List.of());

        runner.keepOnly(Set.of(SOURCE.id()));

        assertThat(runner.run(SOURCE).block().held()).containsExactly(QWEN_LONG_CUT);
    }

    @Test
    void aSourceLetGoAndTakenBackCarriesOnFromItsLatestRecordNotFromWhatTheReplicaKnew() {
        lastRunHeld(List.of(QWEN_LONG_CUT));
        runner.run(SOURCE).block();

        runner.keepOnly(Set.of("another-source"));
        lastRunHeld(List.of()); // meanwhile the replica that took the source over confirmed the cut

        assertThat(runner.confirmationDue(SOURCE.id())).isEmpty();
        ScrapeHealth backHere = runner.run(SOURCE).block();
        assertThat(backHere.held()).isEmpty();
        assertThat(runner.confirmationDue(SOURCE.id())).isEmpty();
    }

    private void lastRunHeld(List<ScrapeHealth.Held> held) {
        ScrapeHealth last = new ScrapeHealth(ScrapeHealth.CURRENT_SCHEMA_VERSION, SOURCE.id(), SOURCE.vendor(),
                SOURCE.url(), ScrapeHealth.Outcome.SUCCEEDED, NOW.minusSeconds(60), NOW.minusSeconds(60), "", 1, 0,
                held.size(), 0, false, "e".repeat(64), List.of(), held);
        when(lastRuns.of(SOURCE.id())).thenReturn(Optional.of(new LastRuns.Runs(last, last)));
    }
}
