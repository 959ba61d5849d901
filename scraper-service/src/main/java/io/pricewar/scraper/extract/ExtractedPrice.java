package io.pricewar.scraper.extract;

import io.pricewar.events.Price;
import io.pricewar.events.PricePointId;

/** One price read off a page, with the cell text exactly as the page showed it. */
public record ExtractedPrice(PricePointId pointId, Price price, String cellText) {
}
