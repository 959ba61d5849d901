package io.pricewar.alert.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.time.Instant;

/**
 * A subscription as its owner sees it. The signing secret is in the answer to the creation only,
 * as the Standard Webhooks scheme expects: the owner stores it then, and no later read shows it.
 * A subscription shows {@code webhookUrl} or {@code emailTo}, whichever channel it uses.
 * {@code rule} is the condition's type, as clients that know only rules read it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionView(String id, URI webhookUrl, String emailTo, String rule, ConditionText condition,
                        PointTarget target, String cooldown, Instant createdAt, long version, boolean active, String disabledReason,
                        String signingSecret, DigestText digest) {

    static SubscriptionView of(Subscription s) {
        String emailTo = s.emailTo();
        return new SubscriptionView(s.id(), emailTo == null ? s.webhookUrl() : null, emailTo, s.condition().type(),
                ConditionText.of(s.condition()), s.target(), s.cooldown().toString(), s.createdAt(), s.version(), s.isActive(), s.disabledReason(), null,
                DigestText.of(s.digest()));
    }

    static SubscriptionView created(Subscription s) {
        SubscriptionView v = of(s);
        return new SubscriptionView(v.id, v.webhookUrl, v.emailTo, v.rule, v.condition, v.target, v.cooldown,
                v.createdAt, v.version, v.active, v.disabledReason, s.signingSecret(), v.digest);
    }
}
