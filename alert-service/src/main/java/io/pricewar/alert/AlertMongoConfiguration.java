package io.pricewar.alert;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The database named in {@code spring.mongodb.uri}, so the repositories need not parse it. */
@Configuration(proxyBeanMethods = false)
class AlertMongoConfiguration {

    /** Used when the URI names no database, as in the default local run. */
    static final String DEFAULT_DATABASE = "pricewar-alert";

    @Bean
    MongoDatabase alertDatabase(MongoClient client, MongoConnectionDetails connection) {
        String name = connection.getConnectionString().getDatabase();
        return client.getDatabase(name != null ? name : DEFAULT_DATABASE);
    }
}
