/** {@code /api/v1/audit/**}: events with evidence, chain verification, window reports. */
package io.pricewar.ledger.audit.web;
