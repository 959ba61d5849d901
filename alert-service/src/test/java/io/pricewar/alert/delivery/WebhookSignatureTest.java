package io.pricewar.alert.delivery;

import com.standardwebhooks.Webhook;
import io.pricewar.alert.subscription.SigningSecret;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WebhookSignatureTest {

    /** The example of the Standard Webhooks specification (spec/standard-webhooks.md, "Signature scheme"). */
    @Test
    void matchesTheSpecificationsPublishedTestVector() {
        String signature = WebhookSignature.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void aGeneratedSecretSignsWhatAReceiverVerifies() {
        String secret = SigningSecret.generate();
        long now = Instant.now().getEpochSecond();
        String payload = "{\"eventId\":\"e1\"}";
        String signature = WebhookSignature.sign(secret, "sub:e1", now, payload);

        assertThat(secret).startsWith("whsec_");
        assertThatNoException().isThrownBy(() -> new Webhook(secret).verify(payload, Map.of(
                "webhook-id", List.of("sub:e1"), "webhook-timestamp", List.of(Long.toString(now)),
                "webhook-signature", List.of(signature))));
    }
}
