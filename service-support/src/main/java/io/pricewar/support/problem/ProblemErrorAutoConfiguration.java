package io.pricewar.support.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;

/**
 * Puts {@link ProblemErrorWebExceptionHandler} in the place of Boot's error handler: Boot's backs
 * off from any {@link ErrorWebExceptionHandler}, and this one takes its order, ahead of WebFlux's
 * handler that would only set the status. Errors a service answers itself, and the 401/403 its
 * key filters write, never reach it.
 */
@AutoConfiguration(before = ErrorWebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(ErrorWebExceptionHandler.class)
public class ProblemErrorAutoConfiguration {

    @Bean
    @Order(-1)
    ErrorWebExceptionHandler problemErrorWebExceptionHandler(ErrorAttributes errorAttributes, ServerCodecConfigurer codecs,
                                                             ApplicationContext context) {
        return ProblemErrorWebExceptionHandler.create(errorAttributes, codecs, context);
    }
}
