package io.pricewar.alert.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Signs a webhook the Standard Webhooks way, with the specification's own Java library: an
 * HMAC-SHA256 over {@code id.timestamp.body}, keyed with the subscription's {@code whsec_}
 * secret, sent as {@code v1,<base64>}.
 */
final class WebhookSignature {

    static final String ID_HEADER = "webhook-id";
    static final String TIMESTAMP_HEADER = "webhook-timestamp";
    static final String SIGNATURE_HEADER = "webhook-signature";

    private WebhookSignature() {
    }

    static String sign(String secret, String messageId, long timestampSeconds, String payload) {
        try {
            return new Webhook(secret).sign(messageId, timestampSeconds, payload);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("cannot sign webhook " + messageId, e);
        }
    }
}
