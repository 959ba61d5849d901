package io.pricewar.alert.matching;

import io.pricewar.alert.PeriodicTask;
import io.pricewar.alert.delivery.Deliveries;
import io.pricewar.alert.delivery.Notification;
import io.pricewar.alert.digest.DigestCollector;
import io.pricewar.alert.rules.AlertCondition;
import io.pricewar.alert.rules.BlendedPrice;
import io.pricewar.alert.rules.config.RulesProperties;
import io.pricewar.alert.subscription.Subscription;
import io.pricewar.events.PricePointId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Takes up due {@link ModelCheck}s and judges each blended subscription covering the model on
 * its own token mix: a real drop of the blend is notified; an input cut without an output cut
 * that leaves the blend no lower is reported as a headline cut, never as a drop.
 */
@Component
class BlendedJudge extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(BlendedJudge.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final int BATCH = 100;

    private final ModelChecks checks;
    private final PointPrices prices;
    private final LiveSubscriptions subscriptions;
    private final Cooldowns cooldowns;
    private final Deliveries deliveries;
    private final DigestCollector digests;
    private final RulesProperties rules;
    private final Clock clock = Clock.systemUTC();

    BlendedJudge(ModelChecks checks, PointPrices prices, LiveSubscriptions subscriptions, Cooldowns cooldowns,
                 Deliveries deliveries, DigestCollector digests, RulesProperties rules) {
        super("blended judgement", rules.checkInterval());
        this.checks = checks;
        this.prices = prices;
        this.subscriptions = subscriptions;
        this.cooldowns = cooldowns;
        this.deliveries = deliveries;
        this.digests = digests;
        this.rules = rules;
    }

    Mono<Long> judgeDue() {
        return checks.claimDue(clock.instant(), clock.instant().plus(LEASE), BATCH)
                .concatMap(check -> judge(check).then(checks.done(check)))
                .count();
    }

    private Mono<Void> judge(ModelCheck check) {
        return prices.around(check.vendor(), check.model(), check.tier(), check.observedAt())
                .flatMapMany(sides -> Flux.fromIterable(blendedSubscriptions(check))
                        .concatMap(s -> notifyIfDue(check, s, sides)))
                .then();
    }

    private List<Subscription> blendedSubscriptions(ModelCheck check) {
        PricePointId inputPoint = new PricePointId(check.vendor(), check.model(), rules.inputMeter(), check.tier());
        return subscriptions.current().candidates(inputPoint).stream()
                .filter(s -> s.condition() instanceof AlertCondition.BlendedDrop)
                .filter(Subscription::isActive)
                .filter(s -> SubscriptionMatcher.existedAt(s, check.appendedAt()))
                .toList();
    }

    private Mono<Void> notifyIfDue(ModelCheck check, Subscription s, PointPrices.Sides sides) {
        AlertCondition.BlendedDrop rule = (AlertCondition.BlendedDrop) s.condition();
        BlendedPrice.Verdict verdict = BlendedPrice.judge(rule.mix(), sides.before(), sides.after());
        boolean tell = verdict.outcome() == BlendedPrice.Outcome.BLENDED_DROP
                || (verdict.outcome() == BlendedPrice.Outcome.HEADLINE_CUT && rule.flagHeadlineCuts());
        if (!tell) {
            return Mono.empty();
        }
        Notification notification = Notification.blended(s, check.id(), check.vendor(), check.model(), check.tier(),
                check.observedAt(), verdict, sides.before(), sides.after());
        return cooldowns.claim(s.id() + "|" + check.modelKey() + "|" + verdict.outcome(), check.id(),
                        check.appendedAt(), s.cooldown())
                .filter(claimed -> claimed)
                .flatMap(claimed -> digests.divert(List.of(new Deliveries.Pending(s, notification))))
                .flatMap(deliveries::recordAllAndSend)
                .then();
    }

    @Override
    protected Mono<Long> runOnce() {
        return judgeDue();
    }
}
