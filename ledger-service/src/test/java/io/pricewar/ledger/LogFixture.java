package io.pricewar.ledger;

import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Publishes events to {@code price-events} as the scraper does: keyed by point id, acks=all. */
public final class LogFixture implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public LogFixture(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    public void publish(List<? extends PriceEvent> events) {
        events.forEach(event -> send(event.pointId().toString(), PriceEventJson.write(event)));
        producer.flush();
    }

    public void send(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(Topics.PRICE_EVENTS, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not publish to " + Topics.PRICE_EVENTS, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
