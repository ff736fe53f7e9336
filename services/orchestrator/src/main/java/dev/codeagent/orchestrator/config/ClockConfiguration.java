package dev.codeagent.orchestrator.config;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of "now" for the orchestrator's records and decisions; tests hand the steps a clock of their own. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    /**
     * Ticks in microseconds, the precision both databases store: a time read back equals the time written (a page
     * cursor built from a job's creation time finds that job again).
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
