package io.pricewar.ledger.query.web;

import io.pricewar.events.PricePointId;
import io.pricewar.ledger.projection.CurrentPrice;
import io.pricewar.ledger.projection.HistoryEntry;
import io.pricewar.ledger.query.PriceFilter;
import io.pricewar.ledger.query.PriceQueries;
import io.pricewar.ledger.query.TimeRange;
import io.pricewar.ledger.workload.FxRates;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static io.pricewar.ledger.SampleEvents.at;
import static io.pricewar.ledger.SampleEvents.qwenCut;
import static io.pricewar.ledger.SampleEvents.qwenListed;
import static org.assertj.core.api.Assertions.assertThat;

class PriceQueryControllerTest {

    final AtomicReference<PriceFilter> askedFilter = new AtomicReference<>();

    final PriceQueries queries = new PriceQueries() {
        @Override
        public Flux<CurrentPrice> currentPrices(PriceFilter filter) {
            askedFilter.set(filter);
            return Flux.just(CurrentPrice.after(qwenCut()));
        }

        @Override
        public Flux<PricePointId> pointsInHistory() {
            return Flux.just(qwenListed().pointId());
        }

        @Override
        public Flux<HistoryEntry> history(PricePointId pointId) {
            return pointId.equals(qwenListed().pointId())
                    ? Flux.just(HistoryEntry.of(at(qwenListed(), 0, 0)), HistoryEntry.of(at(qwenCut(), 0, 1)))
                    : Flux.empty();
        }

        @Override
        public Flux<HistoryEntry> history(PricePointId pointId, TimeRange observed, long afterSeq, int limit) {
            return history(pointId).filter(e -> e.seq() > afterSeq && observed.contains(e.observedAt())).take(limit);
        }

        @Override
        public Flux<HistoryEntry> historyMatching(PriceFilter filter, TimeRange observed) {
            return Flux.empty();
        }

        @Override
        public Flux<HistoryEntry> historyUpTo(PriceFilter filter, TimeAxis axis, Instant at) {
            return Flux.empty();
        }
    };

    /** Round rates, so that the expected conversions can be read off: a dollar buys 10 CNY from January 2024, 8 from 10 May. */
    final FxRates fx = new FxRates(List.of(
            new FxRates.Table(LocalDate.parse("2024-01-01"), Map.of(Currency.getInstance("CNY"), new BigDecimal("10"))),
            new FxRates.Table(LocalDate.parse("2024-05-10"), Map.of(Currency.getInstance("CNY"), new BigDecimal("8"),
                    Currency.getInstance("EUR"), new BigDecimal("0.8")))));

    final WebTestClient web = WebTestClient.bindToController(new PriceQueryController(queries, fx))
            .controllerAdvice(new QueryProblems())
            .build();

    @Test
    void malformedPointIdIsABadRequestProblemNamingTheParameter() {
        web.get().uri("/api/v1/prices/{id}/history", "not-a-point").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.parameter").isEqualTo("pointId")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("pointId 'not-a-point'").contains("vendor:model:meter:tier"));
    }

    @Test
    void pointIdThatIsNotSluggedIsABadRequestProblem() {
        web.get().uri("/api/v1/prices/{id}/history", "Alibaba:Qwen Long:input:standard").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("pointId");
    }

    @Test
    void unknownPointIsANotFoundProblem() {
        web.get().uri("/api/v1/prices/{id}/history", "openai:gpt-4o:input:standard").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.pointId").isEqualTo("openai:gpt-4o:input:standard")
                .jsonPath("$.detail").isEqualTo("no price point openai:gpt-4o:input:standard in the ledger");
    }

    @Test
    void unknownCurrencyIsABadRequestProblemNamingTheParameter() {
        web.get().uri("/api/v1/prices?currency=XXY").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("currency")
                .jsonPath("$.detail").isEqualTo("currency 'XXY' is not an ISO 4217 currency code");
    }

    @Test
    void currentPricesCarryExactAmountsAsStrings() {
        web.get().uri("/api/v1/prices?vendor=alibaba&currency=cny").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].pointId").isEqualTo("alibaba:qwen-long:input:standard")
                .jsonPath("$[0].status").isEqualTo("LISTED")
                .jsonPath("$[0].seq").isEqualTo(2)
                .jsonPath("$[0].price.amount").isEqualTo("0.0005")
                .jsonPath("$[0].price.per1M").isEqualTo("0.5")
                .jsonPath("$[0].price.currency").isEqualTo("CNY")
                .jsonPath("$[0].price.unit").isEqualTo("PER_1K_TOKENS");
        assertThat(askedFilter.get().vendor()).isEqualTo("alibaba");
        assertThat(askedFilter.get().currency().getCurrencyCode()).isEqualTo("CNY");
    }

    @Test
    void historyListsEventsWithNoPreviousPriceForTheListing() {
        web.get().uri("/api/v1/prices/{id}/history", "alibaba:qwen-long:input:standard").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].type").isEqualTo("PriceListed")
                .jsonPath("$[0].previousPrice").isEmpty()
                .jsonPath("$[1].previousPrice.amount").isEqualTo("0.02")
                .jsonPath("$[1].price.amount").isEqualTo("0.0005")
                .jsonPath("$[1].prevHash").isEqualTo(qwenListed().hash());
    }

    @Test
    void historyInAnotherCurrencyConvertsEachEntryByTheRateOfTheDayItTookEffect() {
        web.get().uri("/api/v1/prices/{id}/history?currency=USD", "alibaba:qwen-long:input:standard").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].effectiveAt").isEqualTo("2024-05-01T00:00:00Z")
                .jsonPath("$[0].price.per1M").isEqualTo("20")
                .jsonPath("$[0].converted.currency").isEqualTo("USD")
                .jsonPath("$[0].converted.per1M").isEqualTo("2")
                .jsonPath("$[0].converted.previousPer1M").isEmpty()
                .jsonPath("$[0].converted.rate.from").isEqualTo("CNY")
                .jsonPath("$[0].converted.rate.rate").isEqualTo("0.1")
                .jsonPath("$[0].converted.rate.date").isEqualTo("2024-01-01")
                .jsonPath("$[1].converted.previousPer1M").isEqualTo("2.5")
                .jsonPath("$[1].converted.per1M").isEqualTo("0.0625")
                .jsonPath("$[1].converted.rate.rate").isEqualTo("0.125")
                .jsonPath("$[1].converted.rate.date").isEqualTo("2024-05-10");
    }

    @Test
    void historyInItsOwnCurrencyNamesNoRateAndWithoutACurrencyHasNoConversion() {
        web.get().uri("/api/v1/prices/{id}/history?currency=CNY", "alibaba:qwen-long:input:standard").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[1].converted.per1M").isEqualTo("0.5")
                .jsonPath("$[1].converted.rate").doesNotExist();
        web.get().uri("/api/v1/prices/{id}/history", "alibaba:qwen-long:input:standard").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[1].converted").doesNotExist();
    }

    @Test
    void historyInACurrencyWithoutRatesIsABadRequestProblem() {
        web.get().uri("/api/v1/prices/{id}/history?currency=CHF", "alibaba:qwen-long:input:standard").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("currency")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("no configured exchange rate"));
    }
}
