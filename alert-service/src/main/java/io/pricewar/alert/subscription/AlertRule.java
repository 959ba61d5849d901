package io.pricewar.alert.subscription;

import io.pricewar.events.PriceChanged;
import io.pricewar.events.PriceEvent;
import io.pricewar.events.PriceListed;

/** What kind of event a subscription wants to hear about, whatever point it is on. */
public enum AlertRule {

    /** Any price change that is lower per million tokens in the same currency. */
    ANY_DROP {
        @Override
        public boolean firesOn(PriceEvent event) {
            return event instanceof PriceChanged changed && changed.isDrop();
        }
    },

    /** A point listed: a new model or meter on a page, or one that came back after a delisting. */
    NEW_LISTING {
        @Override
        public boolean firesOn(PriceEvent event) {
            return event instanceof PriceListed;
        }
    };

    public abstract boolean firesOn(PriceEvent event);
}
