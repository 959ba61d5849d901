package io.pricewar.alert;

import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.Topics;
import io.pricewar.infra.EmbeddedKafka;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Publishes events to {@code price-events} as the scraper does: keyed by point, acks=all, one at a time. */
public final class TopicPublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    private TopicPublisher(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    public static TopicPublisher on(EmbeddedKafka kafka) {
        return new TopicPublisher(new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer()));
    }

    public void publish(PriceEvent... events) {
        for (PriceEvent event : events) {
            send(event.pointId().toString(), PriceEventJson.write(event));
        }
    }

    public void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.PRICE_EVENTS, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + Topics.PRICE_EVENTS, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
