package io.pricewar.scraper.source;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every source the scraper knows, by id: the built-in catalog ({@code classpath:catalog/*.yml},
 * when enabled), then the override folder's files, then {@code pricewar.scraper.sources}; a later
 * definition of an id replaces an earlier one, so an operator can repoint or disable a catalog
 * source ({@code enabled: false}) without copying the catalog.
 */
@Component
public class SourceCatalog {

    public static final String BUILT_IN = "classpath:catalog/*.yml";

    private final Map<String, Source> byId;
    private final List<Source> ordered;

    public SourceCatalog(CatalogProperties catalog, SourceProperties configured) {
        Map<String, Source> sources = new LinkedHashMap<>();
        if (catalog.enabled()) {
            builtIn().forEach(source -> sources.put(source.id(), source));
        }
        if (catalog.directory() != null) {
            overrides(catalog.directory()).forEach(source -> sources.put(source.id(), source));
        }
        configured.sources().forEach(source -> sources.put(source.id(), source));
        this.byId = Map.copyOf(sources);
        this.ordered = List.copyOf(sources.values());
    }

    /** The sources to scrape: every known source not disabled. */
    public List<Source> sources() {
        return ordered.stream().filter(Source::isEnabled).toList();
    }

    /** Every known source, disabled ones too. */
    public List<Source> all() {
        return ordered;
    }

    public Optional<Source> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The catalog shipped in the jar, ten vendors' pages. */
    public static List<Source> builtIn() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources(BUILT_IN);
            return Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename))
                    .flatMap(file -> CatalogFiles.read(file).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + BUILT_IN, e);
        }
    }

    static List<Source> overrides(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("pricewar.scraper.catalog.directory " + directory + " is not a folder");
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<Source> sources = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted()
                    .forEach(f -> sources.addAll(CatalogFiles.read(new FileSystemResource(f))));
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }
}
