package io.pricewar.alert.subscription;

import io.pricewar.alert.delivery.guard.DestinationGuard;
import io.pricewar.alert.web.FieldProblem;
import io.pricewar.events.PricePointId;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/subscriptions}, as text: every field is checked here rather
 * than by the JSON reader, so that one response can name every bad field at once.
 */
record SubscriptionRequest(String webhookUrl, String rule, Target target) {

    private static final Set<String> WEBHOOK_SCHEMES = Set.of("http", "https");

    record Target(String vendor, String model, String meter, String tier) {
    }

    List<FieldProblem> problems(DestinationGuard guard) {
        List<FieldProblem> problems = new ArrayList<>();
        checkWebhookUrl(guard, problems);
        checkRule(problems);
        if (target != null) {
            checkSlug("target.vendor", target.vendor, problems);
            checkSlug("target.model", target.model, problems);
            checkSlug("target.meter", target.meter, problems);
            checkSlug("target.tier", target.tier, problems);
        }
        return problems;
    }

    /** The subscription this request asks for; only valid when {@link #problems()} is empty. */
    Subscription toSubscription(String ownerId, Instant now) {
        PointTarget point = target == null ? PointTarget.ANY
                : new PointTarget(target.vendor, target.model, target.meter, target.tier);
        return Subscription.create(ownerId, URI.create(webhookUrl), AlertRule.valueOf(rule), point, now);
    }

    private void checkWebhookUrl(DestinationGuard guard, List<FieldProblem> problems) {
        if (webhookUrl == null || webhookUrl.isBlank()) {
            problems.add(new FieldProblem("webhookUrl", "is required"));
            return;
        }
        try {
            URI uri = new URI(webhookUrl);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                problems.add(new FieldProblem("webhookUrl", "must be an absolute http(s) URL with a host"));
            } else if (!WEBHOOK_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                problems.add(new FieldProblem("webhookUrl", "must use http or https, not " + uri.getScheme()));
            } else {
                guard.refusal(uri).ifPresent(refusal -> problems.add(new FieldProblem("webhookUrl", refusal)));
            }
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("webhookUrl", "is not a URL: " + e.getReason()));
        }
    }

    private void checkRule(List<FieldProblem> problems) {
        if (rule == null) {
            problems.add(new FieldProblem("rule", "is required; one of " + Arrays.toString(AlertRule.values())));
        } else if (Arrays.stream(AlertRule.values()).noneMatch(known -> known.name().equals(rule))) {
            problems.add(new FieldProblem("rule",
                    "unknown rule '" + rule + "'; one of " + Arrays.toString(AlertRule.values())));
        }
    }

    /** A target part must be a slug by the contract's own rule, or it could never match a point. */
    private static void checkSlug(String field, String value, List<FieldProblem> problems) {
        if (value == null) {
            return;
        }
        try {
            new PricePointId(value, value, value, value);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field,
                    "must be a point-id slug (lower-case [a-z0-9._+-]), was '" + value + "'"));
        }
    }
}
