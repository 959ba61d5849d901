package io.pricewar.alert.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Sends one e-mail of a delivery over SMTP and says how it went, as {@link WebhookSender} does
 * for a call: the outbox retries, backs off and dead-letters both alike. JavaMail blocks, so
 * a send runs on the bounded elastic scheduler, never on an event loop.
 */
@Component
class EmailSender {

    /** What SMTP answers a message it accepted; recorded as the attempt's status. */
    static final int SMTP_OK = 250;

    private final ObjectProvider<JavaMailSender> mail;
    private final EmailProperties properties;
    private final JsonMapper json;
    private final Duration attemptTimeout;

    EmailSender(ObjectProvider<JavaMailSender> mail, EmailProperties properties, DeliveryProperties delivery,
                JsonMapper json) {
        this.mail = mail;
        this.properties = properties;
        this.json = json;
        this.attemptTimeout = delivery.attemptTimeout();
    }

    Mono<AttemptResult> attempt(String to, String deliveryId, String payload) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            // Retried rather than refused: configuring spring.mail.host and restarting lets it through.
            return Mono.just(new AttemptResult.Retry("no SMTP server configured (spring.mail.host)", null, null));
        }
        // Built inside the callable, so even an unreadable payload becomes a recorded failed attempt.
        return Mono.fromCallable(() -> send(sender, message(to, deliveryId, payload)))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(attemptTimeout)
                .onErrorResume(error -> Mono.just(failure(error)));
    }

    private static AttemptResult send(JavaMailSender sender, SimpleMailMessage message) {
        sender.send(message);
        return new AttemptResult.Delivered(SMTP_OK);
    }

    private SimpleMailMessage message(String to, String deliveryId, String payload) {
        EmailMessage content = EmailMessage.of(json.readTree(payload));
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(to);
        message.setSubject(content.subject());
        message.setText(content.body() + "Delivery: " + deliveryId + "\n");
        return message;
    }

    private AttemptResult failure(Throwable error) {
        if (error instanceof TimeoutException) {
            return new AttemptResult.Retry("no answer from the SMTP server within " + attemptTimeout.toMillis()
                    + " ms", null, null);
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String prefix = error instanceof MailException ? "e-mail not sent: " : "";
        return new AttemptResult.Retry(prefix + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage().strip()), null, null);
    }
}
