package io.pricewar.devstack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pricewar.events.Evidence;
import io.pricewar.events.Observation;
import io.pricewar.events.PointHead;
import io.pricewar.events.Price;
import io.pricewar.events.PriceEventJson;
import io.pricewar.events.PriceEvents;
import io.pricewar.events.PricePointId;
import io.pricewar.events.PriceUnit;
import io.pricewar.events.Topics;
import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import io.pricewar.ledger.LedgerApplication;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ledger stopped while it is projecting finishes the batch in hand before it goes: its
 * successor, on the same log and database, finds nothing it must project twice.
 */
class GracefulShutdownIT {

    // Many batches (the ledger takes up to 2000 records a batch), so the stop lands mid-stream.
    private static final int EVENTS = 20_000;

    private final EmbeddedKafka kafka = EmbeddedKafka.start();
    private final EmbeddedMongo mongo = EmbeddedMongo.inMemory();

    @AfterEach
    void stop() {
        mongo.close();
        kafka.close();
    }

    @Test
    void aLedgerStoppedMidStreamFinishesItsBatchSoItsSuccessorProjectsNothingTwice() throws Exception {
        publishListings(EVENTS);
        ConfigurableApplicationContext first = startLedger();
        Counter storedByFirst = records(first, "stored");
        await().atMost(Duration.ofSeconds(60)).until(() -> storedByFirst.count() > 0);

        first.close();
        assertThat(storedByFirst.count()).as("the first ledger was stopped mid-stream").isLessThan(EVENTS);

        ConfigurableApplicationContext second = startLedger();
        try {
            Counter storedBySecond = records(second, "stored");
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> storedByFirst.count() + storedBySecond.count() == EVENTS);
            assertThat(records(second, "duplicate").count()).isZero();
        } finally {
            second.close();
        }
    }

    private ConfigurableApplicationContext startLedger() {
        return LedgerApplication.builder().run(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.mongodb.uri=" + mongo.uri("pricewar-ledger"),
                "--server.port=0",
                "--spring.main.banner-mode=off");
    }

    private static Counter records(ConfigurableApplicationContext ledger, String outcome) {
        return ledger.getBean(MeterRegistry.class).get("ledger.projection.records").tag("outcome", outcome).counter();
    }

    private void publishListings(int count) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all");
        Instant now = Instant.parse("2024-05-01T00:00:00Z");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count; i++) {
                PricePointId point = PricePointId.of("demo", "model-" + i, "input", "standard");
                var listed = PriceEvents.listed(PointHead.genesis(point), Price.of("0.00" + (1 + i % 9), "CNY", PriceUnit.PER_1K_TOKENS),
                        Observation.now(now, new Evidence("https://vendor.example/pricing", now, "a".repeat(64), "0.001")));
                producer.send(new ProducerRecord<>(Topics.PRICE_EVENTS, point.toString(), PriceEventJson.write(listed)));
            }
            producer.flush();
        }
    }
}
