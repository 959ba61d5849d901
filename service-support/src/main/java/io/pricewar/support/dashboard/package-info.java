/**
 * The web dashboard's serving: each service that has pages names their classpath folder in
 * {@code pricewar.dashboard.pages} and gets them under {@code /dashboard/}, beside the shared
 * script and style under {@code /dashboard/common/} and the links to the other services' pages.
 */
package io.pricewar.support.dashboard;
