package io.pricewar.alert;

import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real alert service against an in-JVM Kafka broker and MongoDB server. Every *IT extends
 * this without adding configuration, so they share one application context and one broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        AlertApplication.CONFIG_NAME,
        // Short enough for a test to watch the sweeper work, long enough to outlast a send.
        "pricewar.alert.delivery.first-backoff=100ms",
        "pricewar.alert.delivery.sweep-interval=200ms"})
@AutoConfigureWebTestClient
public abstract class AlertIntegrationTest {

    protected static final EmbeddedKafka KAFKA = EmbeddedKafka.start();
    protected static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory();

    static {
        // Shared by every IT class in the JVM, so closed when the JVM ends, not after one class.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            MONGO.close();
            KAFKA.close();
        }));
    }

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("alert-test"));
    }
}
