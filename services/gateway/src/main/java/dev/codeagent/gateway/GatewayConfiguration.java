package dev.codeagent.gateway;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the gateway's components share. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** The one source of wall-clock time, so that tests can set the time instead of waiting for it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
