/** Spring configuration of the rules: dated exchange rates and meter names, from {@code alert.yml}. */
package io.pricewar.alert.rules.config;
