/** What the features' HTTP adapters share: RFC 9457 problem details for errors a caller can cause. */
package io.pricewar.alert.web;
