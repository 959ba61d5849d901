package io.pricewar.scraper.source;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads a catalog file: a YAML document with a {@code sources} list, each item in the same shape
 * as {@code pricewar.scraper.sources[i]} in {@code scraper.yml}, so an operator writes one format
 * everywhere. Every source read is validated; the first bad one fails the file with its problems.
 */
public final class CatalogFiles {

    private CatalogFiles() {
    }

    public static List<Source> read(Resource file) {
        String origin = file.getDescription();
        try {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader().load(origin, file);
            Binder binder = new Binder(ConfigurationPropertySources.from(documents));
            List<Source> sources = binder.bind("sources", Bindable.listOf(Source.class)).orElse(List.of());
            sources.forEach(source -> SourceValidator.requireValid(source, origin));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + origin, e);
        } catch (BindException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage()
                    + (e.getCause() == null ? "" : ": " + e.getCause().getMessage()), e);
        }
    }
}
