package io.pricewar.bench.alert;

import io.pricewar.alert.AlertApplication;
import io.pricewar.alert.subscription.secret.SecretCipher;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.Topics;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** The alert service on in-JVM Kafka and MongoDB, with a producer for {@code price-events}. */
final class AlertStack implements AutoCloseable {

    final EmbeddedKafka kafka = EmbeddedKafka.start();
    final EmbeddedMongo mongo = EmbeddedMongo.inMemory();
    /** One per stack, so a restarted service still opens the signing secrets it sealed. */
    static final String WEBHOOK_SECRETS_KEY = SecretCipher.generateKey();
    final KafkaProducer<String, byte[]> producer;
    ConfigurableApplicationContext app;

    AlertStack() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    void startAlertService(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.mongodb.uri=" + mongo.uri("alert-bench"),
                "--pricewar.alert.owners.admin-key=bench-admin",
                "--pricewar.alert.webhook-secrets.key=" + WEBHOOK_SECRETS_KEY,
                "--pricewar.alert.delivery.guard.allow-plain-http=true",
                "--pricewar.alert.delivery.guard.allowed-networks=127.0.0.0/8",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        args.addAll(List.of(extra));
        app = AlertApplication.builder().run(args.toArray(String[]::new));
    }

    void publish(PriceEvent event) {
        try {
            producer.send(new ProducerRecord<>(Topics.PRICE_EVENTS, event.pointId().toString(),
                    PriceEventJson.write(event))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
        producer.close();
        mongo.close();
        kafka.close();
    }
}
