package io.pricewar.alert.digest;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Which digests are due: a digest exists only for a day that has ended and has something to list. */
final class DigestPlan {

    private DigestPlan() {
    }

    /**
     * The (subscription, day) digests due at {@code now} among items not yet sent, earliest day
     * first. A day is due once it has ended; a subscription with nothing collected has no digest.
     */
    static List<DigestItem.DigestKey> due(Collection<DigestItem> unsent, Instant now) {
        return unsent.stream()
                .filter(item -> !item.closesAt().isAfter(now))
                .sorted(Comparator.comparing(DigestItem::closesAt).thenComparing(DigestItem::subscriptionId))
                .map(DigestItem::key)
                .distinct()
                .toList();
    }
}
