package io.pricewar.scraper.run;

import io.pricewar.events.ScrapeHealth;
import io.pricewar.scraper.diff.Safeguard;
import io.pricewar.scraper.source.Source;

import java.time.Instant;
import java.util.List;

/** What a run knows when it ends, turned into its {@link ScrapeHealth} record. */
record RunResult(Source source, Instant started, Reading reading, Safeguard safeguard) {

    /**
     * @param held the changes this run held back; the record also carries everything the source's
     *             safeguard waits on after the run, whatever the outcome, for whoever runs it next
     */
    ScrapeHealth ended(Instant finished, ScrapeHealth.Outcome outcome, String detail, int published,
                       List<ScrapeHealth.Held> held) {
        int prices = reading == null ? 0 : reading.extraction().prices().size();
        int rejected = reading == null ? 0 : reading.extraction().rejected().size();
        String heldDetail = held.isEmpty() ? detail
                : (detail.isEmpty() ? "" : detail + "; ") + "held for confirmation: "
                        + held.stream().map(h -> h.pointId() + " (" + h.reason() + ")").toList();
        return new ScrapeHealth(ScrapeHealth.CURRENT_SCHEMA_VERSION, source.id(), source.vendor(), source.url(),
                outcome, started, finished, heldDetail, prices, published, held.size(), rejected,
                reading != null && reading.unchanged(), reading == null ? null : reading.page().sha256(),
                safeguard.missing(), safeguard.held());
    }
}
