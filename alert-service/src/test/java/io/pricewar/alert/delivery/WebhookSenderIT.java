package io.pricewar.alert.delivery;

import com.standardwebhooks.Webhook;
import io.pricewar.alert.WebhookReceiver;
import io.pricewar.alert.WebhookReceiver.Answer;
import io.pricewar.alert.delivery.guard.AddressPolicy;
import io.pricewar.alert.delivery.guard.DestinationGuard;
import io.pricewar.alert.delivery.guard.NameLookup;
import io.pricewar.alert.subscription.SigningSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The sender against a real local receiver. Host names are resolved by a fixed table, so that a
 * name can be made to point at a private address; only 127.0.0.1 is allow-listed, and only
 * where a test says so.
 */
class WebhookSenderIT {

    static final String SECRET = SigningSecret.generate();
    static final String PAYLOAD = "{\"eventId\":\"e1\"}";
    /** Generous: the first call of a class pays for loading the HTTP client. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(6);

    final WebhookReceiver receiver = WebhookReceiver.start();
    final NameLookup names = host -> switch (host) {
        case "hooks.example.test" -> new InetAddress[]{InetAddress.getByName("127.0.0.1")};
        case "internal.example.test" -> new InetAddress[]{InetAddress.getByName("10.0.0.1")};
        default -> throw new UnknownHostException(host);
    };
    WebhookSender sender;

    @AfterEach
    void stop() {
        receiver.close();
        if (sender != null) {
            sender.destroy();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "[::ffff:127.0.0.1]", "169.254.169.254", "10.0.0.1", "internal.example.test"})
    void refusesInternalDestinationsWithoutCallingThem(String host) {
        sender = sender(List.of());

        AttemptResult result = attempt("http://" + host + ":" + receiver.port() + "/refused");

        assertThat(result).isInstanceOf(AttemptResult.Refused.class);
        assertThat(receiver.requests("refused")).isEmpty();
    }

    @Test
    void refusesAHostNameResolvingToAPrivateAddressAtConnectTime() {
        sender = sender(List.of());

        AttemptResult result = attempt("http://internal.example.test:" + receiver.port() + "/x");

        assertThat(result).isInstanceOfSatisfying(AttemptResult.Refused.class,
                refused -> assertThat(refused.reason()).contains("10.0.0.1 is private"));
    }

    @Test
    void doesNotFollowARedirectToAnInternalAddress() {
        sender = sender(List.of("127.0.0.1/32"));
        receiver.script("moved", Answer.status(302, "Location", "http://169.254.169.254/latest/meta-data/"));
        receiver.script("moved-here", Answer.status(307, "Location",
                "http://hooks.example.test:" + receiver.port() + "/metadata"));

        AttemptResult toMetadata = attempt("http://hooks.example.test:" + receiver.port() + "/moved");
        AttemptResult toSelf = attempt("http://hooks.example.test:" + receiver.port() + "/moved-here");

        assertThat(toMetadata).isInstanceOfSatisfying(AttemptResult.Redirected.class,
                redirected -> assertThat(redirected.reason()).contains("302").contains("redirects are not followed"));
        assertThat(toSelf).isEqualTo(new AttemptResult.Redirected("the endpoint redirects (HTTP 307 to http://hooks.example.test:"
                + receiver.port() + "/metadata) and redirects are not followed: point the subscription at the final URL", 307));
        assertThat(receiver.requests("metadata")).isEmpty();
    }

    @Test
    void signsEachCallSoTheReceiverCanVerifyIt() {
        sender = sender(List.of("127.0.0.1/32"));

        AttemptResult result = attempt("http://hooks.example.test:" + receiver.port() + "/signed");

        assertThat(result).isEqualTo(new AttemptResult.Delivered(200));
        WebhookReceiver.Request request = receiver.requests("signed").getFirst();
        assertThat(request.header("webhook-id")).isEqualTo("msg-1");
        assertThatNoException().isThrownBy(() -> new Webhook(SECRET).verify(request.body(), Map.of(
                "webhook-id", List.of(request.header("webhook-id")),
                "webhook-timestamp", List.of(request.header("webhook-timestamp")),
                "webhook-signature", List.of(request.header("webhook-signature")))));
    }

    @Test
    void reportsTooManyRequestsWithItsRetryAfter() {
        sender = sender(List.of("127.0.0.1/32"));
        receiver.script("busy", Answer.status(429, "Retry-After", "7"));

        assertThat(attempt(receiver.url("busy"))).isEqualTo(
                new AttemptResult.Retry("webhook answered HTTP 429", 429, Duration.ofSeconds(7)));
    }

    @Test
    void reportsGoneForA410() {
        sender = sender(List.of("127.0.0.1/32"));
        receiver.script("gone", Answer.status(410));

        assertThat(attempt(receiver.url("gone"))).isEqualTo(new AttemptResult.Gone(410));
    }

    @Test
    void givesUpOnAReceiverThatDoesNotAnswerInTime() {
        sender = sender(List.of("127.0.0.1/32"));
        receiver.script("slow", Answer.hang(Duration.ofSeconds(6)));

        assertThat(attempt(receiver.url("slow"))).isInstanceOfSatisfying(AttemptResult.Retry.class,
                retry -> assertThat(retry.reason()).startsWith("no answer within"));
    }

    /**
     * The answer never ends, so only the cap can end the attempt: without it the sender would read
     * until the attempt timeout and report no answer.
     */
    @Test
    void readsNoMoreThanTheCapOfAnEndlessAnswer() {
        sender = sender(List.of("127.0.0.1/32"));
        receiver.script("chatty", Answer.endless(500));

        long start = System.nanoTime();
        AttemptResult result = attempt(receiver.url("chatty"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(ATTEMPT_TIMEOUT.dividedBy(2));
        assertThat(result).isInstanceOfSatisfying(AttemptResult.Retry.class,
                retry -> assertThat(retry.reason()).hasSizeLessThan(300).startsWith("webhook answered HTTP 500: xxx"));
    }

    private AttemptResult attempt(String url) {
        return sender.attempt(URI.create(url), "msg-1", SECRET, PAYLOAD).block(ATTEMPT_TIMEOUT.multipliedBy(2));
    }

    private WebhookSender sender(List<String> allowed) {
        DeliveryProperties properties = new DeliveryProperties(Duration.ofSeconds(3), Duration.ofSeconds(3),
                ATTEMPT_TIMEOUT, 1024, 3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(1),
                ATTEMPT_TIMEOUT.plusSeconds(1), Duration.ofSeconds(1), 100, 16, Duration.ofSeconds(20),
                new DeliveryProperties.Guard(true, allowed));
        return new WebhookSender(properties, new DestinationGuard(true, new AddressPolicy(allowed)), names,
                Clock.systemUTC());
    }
}
