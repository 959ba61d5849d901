/** {@code GET /api/v1/workload/cheapest} and the {@code ledger.fx} and {@code ledger.workload} settings. */
package io.pricewar.ledger.workload.web;
