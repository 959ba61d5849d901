/**
 * Spring Boot pieces shared by the PriceWar services, picked up by auto-configuration so that a
 * service only has to depend on this module.
 */
package io.pricewar.support;
