package io.pricewar.alert;

/** Every MongoDB collection the alert service owns, declared once. */
public final class MongoCollections {

    /** One document per subscription; {@code _id} is the subscription id. */
    public static final String SUBSCRIPTIONS = "subscriptions";

    /** The delivery outbox; {@code _id} is {@code subscriptionId:eventId}, so each pair is delivered once. */
    public static final String DELIVERIES = "deliveries";

    /** One document per owner: the hash of its API key, its quotas, its subscription count. */
    public static final String OWNERS = "owners";

    private MongoCollections() {
    }
}
