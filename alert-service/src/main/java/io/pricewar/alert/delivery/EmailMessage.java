package io.pricewar.alert.delivery;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A notification as a plain-text e-mail, written from the payload the outbox recorded, so every
 * attempt sends what a webhook would have received. The subject names the point and the prices,
 * so a reader need not open the mail to know what moved.
 */
record EmailMessage(String subject, String body) {

    static EmailMessage of(JsonNode notification) {
        String kind = text(notification, "kind");
        if (DailyDigest.KIND.equals(kind)) {
            return digest(notification);
        }
        String about = about(notification);
        String oldPrice = price(notification.get("oldPrice"));
        String newPrice = price(notification.get("newPrice"));
        String subject = "[PriceWar] " + kind + " " + about
                + (oldPrice == null && newPrice == null ? "" : ": " + orNone(oldPrice) + " -> " + orNone(newPrice));
        List<String> lines = new ArrayList<>();
        lines.add(kind + " on " + about);
        lines.add("");
        lines.add("Old price: " + orNone(oldPrice));
        lines.add("New price: " + orNone(newPrice));
        optional(notification, "dropPercent").ifPresent(drop -> lines.add("Drop: " + drop + " %"));
        JsonNode blended = notification.get("blended");
        if (blended != null && !blended.isNull()) {
            lines.add("Blended per 1M tokens on mix " + text(blended, "mix") + ": " + text(blended, "before")
                    + " -> " + text(blended, "after") + " " + text(blended, "currency"));
        }
        JsonNode flags = notification.get("flags");
        if (flags != null && !flags.isEmpty()) {
            List<String> names = new ArrayList<>();
            flags.forEach(flag -> names.add(flag.asString()));
            lines.add("Flags: " + String.join(", ", names));
        }
        optional(notification, "effectiveFrom").ifPresent(at -> lines.add("Effective from: " + at));
        optional(notification, "observedAt").ifPresent(at -> lines.add("Observed at: " + at));
        lines.add("Event: " + text(notification, "eventId"));
        lines.add("Subscription: " + text(notification, "subscriptionId"));
        return new EmailMessage(subject, String.join("\n", lines) + "\n");
    }

    /** One line per notification of the day, each with the prices and the event it is about. */
    private static EmailMessage digest(JsonNode digest) {
        String day = text(digest, "day");
        String count = text(digest, "count");
        String subject = "[PriceWar] Daily digest of " + day + " (" + text(digest, "zone") + "): " + count
                + " notification" + ("1".equals(count) ? "" : "s");
        List<String> lines = new ArrayList<>();
        lines.add("Daily digest of " + day + ", from " + text(digest, "from") + " until " + text(digest, "until"));
        lines.add("");
        digest.get("notifications").forEach(n -> {
            String oldPrice = price(n.get("oldPrice"));
            String newPrice = price(n.get("newPrice"));
            lines.add("- " + text(n, "kind") + " " + about(n)
                    + (oldPrice == null && newPrice == null ? "" : ": " + orNone(oldPrice) + " -> " + orNone(newPrice))
                    + " (event " + text(n, "eventId") + ")");
        });
        lines.add("");
        lines.add("Subscription: " + text(digest, "subscriptionId"));
        return new EmailMessage(subject, String.join("\n", lines) + "\n");
    }

    /** The point, or the model for a blended verdict (which is about all of a model's meters). */
    private static String about(JsonNode n) {
        String point = text(n, "pointId");
        if (point != null) {
            return point;
        }
        String model = text(n, "model");
        return model == null ? "a test notification" : text(n, "vendor") + "/" + model;
    }

    /** e.g. {@code 0.0008 CNY PER_1K_TOKENS (0.8 per 1M tokens)}. */
    private static String price(JsonNode price) {
        if (price == null || price.isNull()) {
            return null;
        }
        return text(price, "amount") + " " + text(price, "currency") + " " + text(price, "unit")
                + " (" + text(price, "per1M") + " per 1M tokens)";
    }

    private static String orNone(String price) {
        return price == null ? "none" : price;
    }

    private static Optional<String> optional(JsonNode n, String field) {
        return Optional.ofNullable(text(n, field));
    }

    private static String text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
