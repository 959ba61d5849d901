package io.pricewar.alert;

/** Every MongoDB collection the alert service owns, declared once. */
public final class MongoCollections {

    /** One document per subscription; {@code _id} is the subscription id. */
    public static final String SUBSCRIPTIONS = "subscriptions";

    /** The delivery outbox; {@code _id} is {@code subscriptionId:eventId}, so each pair is delivered once. */
    public static final String DELIVERIES = "deliveries";

    /**
     * One document, {@code _id: "marker"}, whose counter {@code n} every subscription write raises
     * once it is acknowledged: lets a replica tell, by one read, that no subscription changed.
     */
    public static final String SUBSCRIPTION_CHANGES = "subscription_changes";

    /** One document per owner: the hash of its API key, its quotas, its subscription count. */
    public static final String OWNERS = "owners";

    /** Cooldown windows: {@code _id} is {@code subscriptionId|point or model}, claimed by one event at a time. */
    public static final String COOLDOWNS = "cooldowns";

    /** The current and previous price of every point, for judging a model on a token mix. */
    public static final String POINT_PRICES = "point_prices";

    /** Blended judgements of one observation of a model, due once its meters are all in. */
    public static final String MODEL_CHECKS = "model_checks";

    /**
     * Notifications held for a daily digest: {@code _id} is {@code subscriptionId:eventId}, as in
     * the outbox, so an event is collected once; {@code sentIn} names the digest that listed it.
     */
    public static final String DIGEST_ITEMS = "digest_items";

    private MongoCollections() {
    }
}
