/** {@code POST/GET /api/v1/admin/replay}, behind the admin key ({@code X-Admin-Key}, {@code ledger.admin.key}). */
package io.pricewar.ledger.replay.web;
