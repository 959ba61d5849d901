package io.pricewar.scraper.assign;

import io.pricewar.scraper.run.AssignedSources;
import io.pricewar.scraper.source.SourceCatalog;
import org.springframework.stereotype.Component;

import java.util.List;

/** Every enabled source of the catalog, scraped by this replica alone. */
@Component
class ConfiguredSources implements AssignedSources {

    private final SourceCatalog catalog;

    ConfiguredSources(SourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Assigned> current() {
        return catalog.sources().stream().map(s -> new Assigned(s, null)).toList();
    }
}
