package io.pricewar.support.dashboard;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serves a service's dashboard pages under {@code /dashboard/}. The pages live in a folder of
 * the service's own (not Boot's shared {@code static/}), because the devstack runs all three
 * services on one classpath and each must serve only its own pages.
 *
 * <ul>
 *   <li>{@code /dashboard/} the folder's {@code index.html}, {@code /dashboard/**} its files;</li>
 *   <li>{@code /dashboard/common/**} the script and style every service's pages share;</li>
 *   <li>{@code /dashboard/links.json} where the other services' pages are, from
 *       {@code pricewar.dashboard.links.<name>}: read at each request, so a launcher that only
 *       learns a port after start (the devstack on free ports) can still add it.</li>
 * </ul>
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnProperty("pricewar.dashboard.pages")
public class DashboardAutoConfiguration {

    static final String PAGES = "pricewar.dashboard.pages";
    static final String LINKS = "pricewar.dashboard.links";

    /**
     * Scripts only from this origin: the pages build their DOM from API data as text, and this
     * keeps it so should a page ever slip (the subscriptions page holds an API key). Inline style
     * attributes stay allowed; the chart and the bars set them.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    @Bean
    RouterFunction<ServerResponse> dashboardRouter(Environment environment) {
        return routes(environment);
    }

    static RouterFunction<ServerResponse> routes(Environment environment) {
        Resource pages = folder(environment.getRequiredProperty(PAGES));
        Resource common = new ClassPathResource("dashboard/common/");
        return RouterFunctions.route()
                // GET or HEAD, as the resource routes below answer both (a HEAD's body is dropped on the way out).
                .route(getOrHead("/dashboard"), request -> ServerResponse.permanentRedirect(URI.create("/dashboard/")).build())
                .route(getOrHead("/dashboard/"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .bodyValue(relative(pages, "index.html")))
                .route(getOrHead("/dashboard/links.json"), request -> ServerResponse.ok().bodyValue(links(environment)))
                .add(RouterFunctions.resources("/dashboard/common/**", common))
                .add(RouterFunctions.resources("/dashboard/**", pages))
                .filter((request, next) -> {
                    request.exchange().getResponse().getHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                    return next.handle(request);
                })
                .build();
    }

    private static RequestPredicate getOrHead(String path) {
        return RequestPredicates.path(path).and(RequestPredicates.methods(HttpMethod.GET, HttpMethod.HEAD));
    }

    /** A classpath folder, given with or without {@code classpath:} and the closing slash. */
    static Resource folder(String location) {
        String path = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        path = path.startsWith("/") ? path.substring(1) : path;
        return new ClassPathResource(path.endsWith("/") ? path : path + "/");
    }

    private static Resource relative(Resource folder, String name) {
        try {
            return folder.createRelative(name);
        } catch (IOException e) {
            throw new IllegalStateException("no " + name + " in " + folder, e);
        }
    }

    static Map<String, String> links(Environment environment) {
        return Binder.get(environment).bind(LINKS, Bindable.mapOf(String.class, String.class))
                .map(found -> (Map<String, String>) new TreeMap<>(found))
                .orElseGet(Map::of);
    }
}
