package io.pricewar.scraper.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceCatalogTest {

    private static final SourceProperties NONE_CONFIGURED = new SourceProperties(List.of());

    @Test
    void builtInCatalogCoversTheTenVendorsWithValidDefinitions() {
        List<Source> catalog = SourceCatalog.builtIn();

        assertThat(catalog).extracting(Source::vendor).containsOnly("deepseek", "volcengine", "alibaba", "baidu",
                "tencent", "iflytek", "zhipu", "moonshot", "openai", "anthropic");
        assertThat(catalog).extracting(Source::vendor).containsOnlyOnce("openai", "anthropic", "baidu", "iflytek");
        assertThat(catalog).extracting(Source::id).contains("deepseek-cny", "alibaba-intl", "volcengine-intl",
                "zhipu-intl", "moonshot-intl", "tencent-intl");
        assertThat(catalog).allSatisfy(source -> assertThat(SourceValidator.validate(source)).isEmpty());
    }

    @Test
    void scrapesOneEnabledPagePerVendorSoCurrenciesNeverAlternateOnAPoint() {
        SourceCatalog catalog = new SourceCatalog(new CatalogProperties(true, null), NONE_CONFIGURED);

        assertThat(catalog.sources()).extracting(Source::vendor).doesNotHaveDuplicates().hasSize(10);
        assertThat(catalog.all()).filteredOn(source -> !source.isEnabled()).extracting(Source::id)
                .containsExactlyInAnyOrder("deepseek-cny", "alibaba-intl", "volcengine-intl", "zhipu-intl",
                        "moonshot-intl", "tencent-intl");
    }

    @Test
    void isOffByDefaultSinceTheRealVendorSitesAreNotReachableFromTestsOrTheDevstack() {
        SourceCatalog catalog = new SourceCatalog(new CatalogProperties(false, null), NONE_CONFIGURED);

        assertThat(catalog.all()).isEmpty();
    }

    @Test
    void aFileInTheOverrideFolderRepointsOrDisablesACatalogSource(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("mirror.yml"), """
                sources:
                  - id: deepseek
                    vendor: deepseek
                    url: https://mirror.example/deepseek/pricing
                    interval: 15m
                    currency: USD
                    columns:
                      selector: table
                      meters:
                        input: "1M INPUT TOKENS (CACHE MISS)"
                  - id: openai
                    vendor: openai
                    url: https://openai.com/api/pricing/
                    enabled: false
                    cards: {card: div, model: h3, line: li, value: span, meters: {input: Input}}
                """);

        SourceCatalog catalog = new SourceCatalog(new CatalogProperties(true, folder), NONE_CONFIGURED);

        assertThat(catalog.find("deepseek")).get().satisfies(source -> {
            assertThat(source.url()).isEqualTo("https://mirror.example/deepseek/pricing");
            assertThat(source.interval()).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(catalog.sources()).extracting(Source::id).doesNotContain("openai").contains("anthropic");
    }

    @Test
    void anInvalidOverrideFileIsRejectedNamingTheFileAndEveryProblem(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("broken.yml"), """
                sources:
                  - id: Broken Source
                    vendor: acme
                    url: ftp://acme.example/prices
                    table:
                      selector: "table[["
                      model-column: Model
                """);

        assertThatThrownBy(() -> new SourceCatalog(new CatalogProperties(false, folder), NONE_CONFIGURED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("broken.yml")
                .hasMessageContaining("id 'Broken Source' must be a lower-case slug")
                .hasMessageContaining("url 'ftp://acme.example/prices' must be an absolute http or https URL")
                .hasMessageContaining("table.selector 'table[[' is not a CSS selector")
                .hasMessageContaining("meters: at least one meter is needed");
    }

    @Test
    void configuredSourcesWinOverTheCatalog() {
        Source mine = new Source("anthropic", "anthropic", "http://127.0.0.1:9/pricing", Duration.ofMinutes(5), null,
                FixtureRules.TABLE);

        SourceCatalog catalog = new SourceCatalog(new CatalogProperties(true, null), new SourceProperties(List.of(mine)));

        assertThat(catalog.find("anthropic")).contains(mine);
    }
}
