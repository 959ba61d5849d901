package io.pricewar.alert.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.time.Instant;

/**
 * A subscription as its owner sees it. The signing secret is in the answer to the creation only,
 * as the Standard Webhooks scheme expects: the owner stores it then, and no later read shows it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubscriptionView(String id, URI webhookUrl, String rule, PointTarget target, Instant createdAt,
                        boolean active, String disabledReason, String signingSecret) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.webhookUrl(), s.rule().name(), s.target(), s.createdAt(),
                s.isActive(), s.disabledReason(), null);
    }

    static SubscriptionView created(Subscription s) {
        return new SubscriptionView(s.id(), s.webhookUrl(), s.rule().name(), s.target(), s.createdAt(),
                s.isActive(), s.disabledReason(), s.signingSecret());
    }
}
