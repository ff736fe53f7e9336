package dev.codeagent.healthmonitor.config;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Infrastructure beans of the monitor. */
@Configuration(proxyBeanMethods = false)
class MonitorConfiguration {

    @Bean
    Clock clock() {
        // Millisecond ticks keep timestamps in the APIs short and comparable across services.
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
