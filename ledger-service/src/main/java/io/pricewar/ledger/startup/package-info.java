/**
 * Start-up that tolerates an unreachable MongoDB: {@link io.pricewar.ledger.startup.StorageStartup}
 * prepares the database in the background and starts consuming once it can.
 */
package io.pricewar.ledger.startup;
