package io.pricewar.scraper.run;

import io.pricewar.scraper.extract.TableRule;
import io.pricewar.scraper.source.Source;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When a source is next due: after its interval, or at its cron's next time (read in UTC). */
class ScrapeScheduleTest {

    private static final TableRule RULE = new TableRule("table", "模型名称", null, Map.of("input", "输入"));
    private static final Instant LAST = Instant.parse("2025-01-01T01:30:00Z");

    @Test
    void aSourceWithAnIntervalIsDueThatLongAfterItsLastStart() {
        assertThat(ScrapeScheduler.nextAfter(source(Duration.ofMinutes(15), null), LAST))
                .isEqualTo(Instant.parse("2025-01-01T01:45:00Z"));
    }

    @Test
    void aSourceWithACronIsDueAtItsNextTimeInUtcWhateverItsInterval() {
        assertThat(ScrapeScheduler.nextAfter(source(Duration.ofMinutes(15), "0 0 */6 * * *"), LAST))
                .isEqualTo(Instant.parse("2025-01-01T06:00:00Z"));
        assertThat(ScrapeScheduler.nextAfter(source(null, "0 30 1 * * MON-FRI"), LAST))
                .as("the next weekday 01:30 after Wednesday's").isEqualTo(Instant.parse("2025-01-02T01:30:00Z"));
    }

    @Test
    void aCronThatNeverComesAgainIsNeverDue() {
        assertThat(ScrapeScheduler.nextAfter(source(null, "0 0 0 30 2 *"), LAST)).isEqualTo(Instant.MAX);
    }

    private static Source source(Duration interval, String cron) {
        return new Source("s", "v", "http://127.0.0.1:9/", interval, cron, Currency.getInstance("CNY"), true, RULE,
                null, null, null);
    }
}
