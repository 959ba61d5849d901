package io.pricewar.devstack;

import io.pricewar.infra.PriceWarTopics;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The price-drop scenario on the real images production runs: Apache Kafka in KRaft mode and a
 * MongoDB replica set. Needs a Docker engine; where none runs it is reported as skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class PriceDropOnContainersIT extends PriceDropScenario {

    @Override
    Infrastructure startInfrastructure() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        PriceWarTopics.createOn(kafka.getBootstrapServers());
        return new Infrastructure(kafka.getBootstrapServers(), mongo::getReplicaSetUrl, () -> {
            mongo.stop();
            kafka.stop();
        });
    }
}
