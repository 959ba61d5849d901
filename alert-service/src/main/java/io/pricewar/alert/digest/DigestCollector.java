package io.pricewar.alert.digest;

import io.pricewar.alert.delivery.Deliveries;
import io.pricewar.alert.subscription.Subscription;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where matched notifications part ways: those of subscriptions that chose a daily digest are
 * held for it, the rest go on to the outbox as they are.
 */
@Component
public class DigestCollector {

    private final DigestItems items;
    private final JsonMapper json;
    private final Clock clock;

    DigestCollector(DigestItems items, JsonMapper json, Clock clock) {
        this.items = items;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Holds the notifications of digest subscriptions (an event already held for a subscription is
     * held once) and emits the others, to be recorded in the outbox. A notification belongs to the
     * digest day in which it is collected here.
     */
    public Mono<List<Deliveries.Pending>> divert(List<Deliveries.Pending> pending) {
        List<Deliveries.Pending> immediate = new ArrayList<>(pending.size());
        List<DigestItem> held = new ArrayList<>();
        Instant now = clock.instant();
        for (Deliveries.Pending p : pending) {
            Subscription s = p.subscription();
            if (s.digest() == null) {
                immediate.add(p);
            } else {
                held.add(DigestItem.of(s.id(), p.notification().eventId(), json.writeValueAsString(p.notification()),
                        s.digest(), now));
            }
        }
        return held.isEmpty() ? Mono.just(immediate) : items.collectAll(held).thenReturn(immediate);
    }
}
