package io.pricewar.devstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scraper source for one demo vendor page, as the scraper's {@code pricewar.scraper.sources}
 * properties. The devstack and the end-to-end tests configure the real scraper this way, the
 * same way an operator would in {@code scraper.yml}.
 */
public record DemoSource(String vendor, String url, String currency, Duration interval) {

    Map<String, Object> properties(int index) {
        String prefix = "pricewar.scraper.sources[" + index + "].";
        boolean english = currency.equals("USD");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(prefix + "id", vendor + "-pricing");
        properties.put(prefix + "vendor", vendor);
        properties.put(prefix + "url", url);
        properties.put(prefix + "interval", interval.toMillis() + "ms");
        properties.put(prefix + "currency", currency);
        properties.put(prefix + "table.selector", "table.price-table");
        properties.put(prefix + "table.model-column", english ? "Model" : "模型名称");
        properties.put(prefix + "table.meters.input", english ? "Input" : "输入");
        properties.put(prefix + "table.meters.output", english ? "Output" : "输出");
        return properties;
    }
}
