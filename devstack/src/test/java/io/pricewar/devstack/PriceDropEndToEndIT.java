package io.pricewar.devstack;

import io.pricewar.infra.EmbeddedKafka;
import io.pricewar.infra.EmbeddedMongo;

/** The price-drop scenario on the in-JVM Kafka broker and MongoDB wire-protocol server. */
class PriceDropEndToEndIT extends PriceDropScenario {

    @Override
    Infrastructure startInfrastructure() {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        EmbeddedMongo mongo = EmbeddedMongo.inMemory();
        return new Infrastructure(kafka.bootstrapServers(), mongo::uri, () -> {
            mongo.close();
            kafka.close();
        });
    }
}
