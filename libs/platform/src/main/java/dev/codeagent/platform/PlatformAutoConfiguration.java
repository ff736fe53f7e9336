package dev.codeagent.platform;

import dev.codeagent.platform.http.ServiceCallInterceptor;
import dev.codeagent.platform.http.ServiceHttpClients;
import dev.codeagent.platform.web.CorrelationIdFilter;
import dev.codeagent.platform.web.InternalTokenFilter;
import dev.codeagent.platform.web.ProblemDetailsAdvice;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the shared infrastructure into every service. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    @Bean
    FilterRegistrationBean<CorrelationIdFilter> correlationIdFilter() {
        FilterRegistrationBean<CorrelationIdFilter> bean = new FilterRegistrationBean<>(new CorrelationIdFilter());
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return bean;
    }

    @Bean
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(PlatformProperties properties,
            JsonMapper jsonMapper) {
        FilterRegistrationBean<InternalTokenFilter> bean =
                new FilterRegistrationBean<>(new InternalTokenFilter(properties, jsonMapper));
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return bean;
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    ServiceCallInterceptor serviceCallInterceptor(PlatformProperties properties) {
        return new ServiceCallInterceptor(properties.internalToken());
    }

    @Bean
    RestClientCustomizer serviceCallRestClientCustomizer(ServiceCallInterceptor interceptor) {
        return builder -> builder.requestInterceptor(interceptor);
    }

    @Bean
    ServiceHttpClients serviceHttpClients(RestClient.Builder builder, PlatformProperties properties) {
        return new ServiceHttpClients(builder, properties.connectTimeout(), properties.readTimeout());
    }
}
