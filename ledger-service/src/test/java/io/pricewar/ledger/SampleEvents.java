package io.pricewar.ledger;

import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceDelisted;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PriceListed;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.projection.ProjectionChecksum;
import io.pricewar.ledger.projection.SourcePosition;
import io.pricewar.ledger.projection.SourcedEvent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;

/** Events of the May 2024 price war, built the only valid way: through {@link PriceEvents}. */
public final class SampleEvents {

    public static final PricePointId QWEN_LONG_INPUT = PricePointId.of("alibaba", "Qwen-Long", "input", "standard");
    public static final PricePointId DOUBAO_PRO_32K_INPUT = PricePointId.of("bytedance", "Doubao-Pro-32k", "input", "standard");
    public static final Price QWEN_BEFORE = Price.of("0.02", "CNY", PriceUnit.PER_1K_TOKENS);
    public static final Price QWEN_AFTER = Price.of("0.0005", "CNY", PriceUnit.PER_1K_TOKENS);
    public static final Price DOUBAO = Price.of("0.0008", "CNY", PriceUnit.PER_1K_TOKENS);

    private SampleEvents() {
    }

    public static PriceListed qwenListed() {
        return listed(QWEN_LONG_INPUT, QWEN_BEFORE, "2024-05-01T00:00:00Z");
    }

    public static PriceChanged qwenCut() {
        return changed(qwenListed(), QWEN_BEFORE, QWEN_AFTER, "2024-05-21T02:00:00Z");
    }

    public static PriceDelisted qwenDelisted() {
        return PriceEvents.delisted(qwenCut().head(), QWEN_AFTER, seen("2024-09-01T00:00:00Z", "0.0005元/千tokens"));
    }

    public static PriceListed doubaoListed() {
        return listed(DOUBAO_PRO_32K_INPUT, DOUBAO, "2024-05-15T08:00:00Z");
    }

    public static PriceListed listed(PricePointId point, Price price, String at) {
        return PriceEvents.listed(PointHead.genesis(point), price, seen(at, price.toString()));
    }

    public static PriceChanged changed(PriceEvent after, Price from, Price to, String at) {
        return PriceEvents.changed(after.head(), from, to, seen(at, to.toString()));
    }

    public static Observation seen(String at, String cellText) {
        Instant instant = Instant.parse(at);
        return Observation.now(instant, new Evidence("https://vendor.example/pricing", instant,
                sha256(cellText), cellText));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A log of {@code points} points, each listed then changed {@code changes} times, in the
     * order a scraper would publish them (round by round), so points interleave on partitions.
     */
    public static List<PriceEvent> series(int points, int changes) {
        List<PriceEvent> heads = new ArrayList<>();
        List<PriceEvent> log = new ArrayList<>();
        Instant start = Instant.parse("2024-05-01T00:00:00Z");
        for (int p = 0; p < points; p++) {
            PricePointId point = PricePointId.of("vendor" + (p % 7), "model-" + p, p % 2 == 0 ? "input" : "output",
                    "standard");
            PriceListed listed = PriceEvents.listed(PointHead.genesis(point), priceOf(p, 0),
                    seen(start.toString(), "listed " + p));
            heads.add(listed);
            log.add(listed);
        }
        for (int round = 1; round <= changes; round++) {
            for (int p = 0; p < points; p++) {
                String at = start.plusSeconds(3600L * round).toString();
                PriceChanged change = PriceEvents.changed(heads.get(p).head(), priceOf(p, round - 1),
                        priceOf(p, round), seen(at, "round " + round + " point " + p));
                heads.set(p, change);
                log.add(change);
            }
        }
        return log;
    }

    private static Price priceOf(int point, int round) {
        return new Price(BigDecimal.valueOf(1000 + point * 7L + round * 13L % 50, 4), Currency.getInstance("CNY"),
                PriceUnit.PER_1K_TOKENS);
    }

    /** What a correct projection of {@code log} holds, computed without the ledger. */
    public static ProjectionChecksum.Result checksumOf(List<PriceEvent> log) {
        ProjectionChecksum checksum = new ProjectionChecksum();
        Map<PricePointId, PriceEvent> last = new LinkedHashMap<>();
        log.forEach(event -> {
            checksum.addHistory(HistoryEntry.of(at(event, 0, 0)));
            last.merge(event.pointId(), event, (a, b) -> b.seq() > a.seq() ? b : a);
        });
        last.values().forEach(event -> checksum.addCurrent(CurrentPrice.after(event)));
        return checksum.result();
    }

    public static SourcedEvent at(PriceEvent event, int partition, long offset) {
        return new SourcedEvent(event, new SourcePosition("price-events", partition, offset));
    }
}
