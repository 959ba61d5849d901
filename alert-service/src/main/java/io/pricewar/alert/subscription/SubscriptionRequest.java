package io.pricewar.alert.subscription;

import io.pricewar.alert.delivery.guard.DestinationGuard;
import io.pricewar.alert.rules.FxRates;
import io.pricewar.alert.web.FieldProblem;
import io.pricewar.events.PricePointId;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The body of a subscription's creation, replacement (PUT) or change (PATCH), as text: every
 * field is checked here rather than by the JSON reader, so that one response names every bad
 * field at once.
 *
 * @param rule      a condition without parameters by its type alone ({@code "ANY_DROP"}), as
 *                  clients written before {@code condition} send it
 * @param condition any condition, with its parameters
 * @param cooldown  ISO-8601 ({@code "PT1H"}): after a firing on a point, how long it stays silent there
 * @param emailTo   the e-mail channel: the address to notify instead of a webhook; give one of
 *                  {@code webhookUrl} and {@code emailTo}
 * @param digest    optional: a daily digest instead of one notification at a time
 */
record SubscriptionRequest(String webhookUrl, String rule, ConditionText condition, Target target, String cooldown,
                           String emailTo, DigestText digest) {

    SubscriptionRequest(String webhookUrl, String rule, ConditionText condition, Target target, String cooldown) {
        this(webhookUrl, rule, condition, target, cooldown, null);
    }

    SubscriptionRequest(String webhookUrl, String rule, ConditionText condition, Target target, String cooldown,
                        String emailTo) {
        this(webhookUrl, rule, condition, target, cooldown, emailTo, null);
    }

    private static final Set<String> WEBHOOK_SCHEMES = Set.of("http", "https");

    /** A week: longer and a subscriber would rather want the digest of a day than one alert a week. */
    static final Duration MAX_COOLDOWN = Duration.ofDays(7);

    record Target(String vendor, String model, String meter, String tier) {
    }

    /** For PATCH: what the body leaves out is taken from {@code existing}. */
    SubscriptionRequest over(Subscription existing) {
        boolean newCondition = rule != null || condition != null;
        // A new endpoint of either channel replaces the old one, so a PATCH can switch channels.
        boolean newEndpoint = webhookUrl != null || emailTo != null;
        String existingEmail = existing.emailTo();
        PointTarget t = existing.target();
        return new SubscriptionRequest(
                newEndpoint ? webhookUrl : existingEmail == null ? existing.webhookUrl().toString() : null,
                newCondition ? rule : null,
                newCondition ? condition : ConditionText.of(existing.condition()),
                target != null ? target : new Target(t.vendor(), t.model(), t.meter(), t.tier()),
                cooldown != null ? cooldown : existing.cooldown().toString(),
                newEndpoint ? emailTo : existingEmail,
                digest != null ? digest : DigestText.of(existing.digest()));
    }

    List<FieldProblem> problems(DestinationGuard guard, FxRates fx) {
        List<FieldProblem> problems = new ArrayList<>();
        checkEndpoint(guard, problems);
        checkCondition(fx, problems);
        if (target != null) {
            checkSlug("target.vendor", target.vendor, problems);
            checkGlob("target.model", target.model, problems);
            checkSlug("target.meter", target.meter, problems);
            checkSlug("target.tier", target.tier, problems);
            if (target.meter != null && "BLENDED_DROP".equals(conditionText().type())) {
                problems.add(new FieldProblem("target.meter",
                        "must be left out for BLENDED_DROP: it judges every meter of a model together"));
            }
        }
        checkCooldown(problems);
        if (digest != null) {
            problems.addAll(digest.problems("digest"));
        }
        return problems;
    }

    /** The subscription this request asks for; only valid when {@link #problems} is empty. */
    Subscription toSubscription(String ownerId, Instant now) {
        return Subscription.create(ownerId, endpoint(), conditionText().toCondition(), pointTarget(),
                cooldownDuration(), digestSchedule(), now);
    }

    /** {@code existing} changed as this request asks; only valid when {@link #problems} is empty. */
    Subscription applyTo(Subscription existing) {
        return existing.changedTo(endpoint(), conditionText().toCondition(), pointTarget(),
                cooldownDuration(), digestSchedule());
    }

    private DigestSchedule digestSchedule() {
        return digest == null ? null : digest.toSchedule();
    }

    private URI endpoint() {
        return emailTo != null ? EmailAddress.endpoint(emailTo) : URI.create(webhookUrl);
    }

    private PointTarget pointTarget() {
        return target == null ? PointTarget.ANY
                : new PointTarget(target.vendor, target.model, target.meter, target.tier);
    }

    private Duration cooldownDuration() {
        return cooldown == null ? Duration.ZERO : Duration.parse(cooldown);
    }

    private ConditionText conditionText() {
        return condition != null ? condition : ConditionText.of(rule);
    }

    private void checkCondition(FxRates fx, List<FieldProblem> problems) {
        if (rule == null && condition == null) {
            problems.add(new FieldProblem("rule", "is required (or a condition); one of " + ConditionText.PLAIN_TYPES));
        } else if (rule != null && condition != null) {
            problems.add(new FieldProblem("rule", "give a rule or a condition, not both"));
        } else if (rule != null && !ConditionText.PLAIN_TYPES.contains(rule)) {
            problems.add(new FieldProblem("rule", "unknown rule '" + rule + "'; one of " + ConditionText.PLAIN_TYPES
                    + (ConditionText.TYPES.contains(rule) ? "; " + rule + " takes parameters: give it as a condition" : "")));
        } else if (condition != null) {
            problems.addAll(condition.problems("condition", fx));
        }
    }

    private void checkCooldown(List<FieldProblem> problems) {
        if (cooldown == null) {
            return;
        }
        try {
            Duration d = Duration.parse(cooldown);
            if (d.isNegative() || d.compareTo(MAX_COOLDOWN) > 0) {
                problems.add(new FieldProblem("cooldown", "must be between PT0S and " + MAX_COOLDOWN + ", was " + cooldown));
            }
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("cooldown", "is not an ISO-8601 duration such as PT1H: '" + cooldown + "'"));
        }
    }

    private void checkEndpoint(DestinationGuard guard, List<FieldProblem> problems) {
        if (emailTo == null) {
            checkWebhookUrl(guard, problems);
        } else if (webhookUrl != null) {
            problems.add(new FieldProblem("emailTo", "give a webhookUrl or an emailTo, not both"));
        } else {
            EmailAddress.refusal(emailTo).ifPresent(refusal -> problems.add(new FieldProblem("emailTo", refusal)));
        }
    }

    private void checkWebhookUrl(DestinationGuard guard, List<FieldProblem> problems) {
        if (webhookUrl == null || webhookUrl.isBlank()) {
            problems.add(new FieldProblem("webhookUrl", "is required (or an emailTo)"));
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

    /** A glob is a slug in which {@code *} and {@code ?} may stand for slug characters. */
    private static void checkGlob(String field, String value, List<FieldProblem> problems) {
        if (value == null) {
            return;
        }
        String probe = value.replace('*', 'x').replace('?', 'x');
        if (!isSlug(probe)) {
            problems.add(new FieldProblem(field,
                    "must be a point-id slug (lower-case [a-z0-9._+-]) or a glob of one with * and ?, was '" + value + "'"));
        }
    }

    /** A target part must be a slug by the contract's own rule, or it could never match a point. */
    private static void checkSlug(String field, String value, List<FieldProblem> problems) {
        if (value != null && !isSlug(value)) {
            problems.add(new FieldProblem(field,
                    "must be a point-id slug (lower-case [a-z0-9._+-]), was '" + value + "'"));
        }
    }

    private static boolean isSlug(String value) {
        try {
            new PricePointId(value, value, value, value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
