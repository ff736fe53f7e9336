package dev.codeagent.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the defaults every service shares ({@code codeagent-platform.properties}: actuator probes and
 * exposure, graceful shutdown, logging pattern with the correlation id) with the lowest precedence, so a
 * service's {@code application.yml} or the environment can override any of them, and switches console
 * logs to structured JSON when {@code CODEAGENT_LOG_FORMAT=json}.
 */
public class PlatformDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "codeagent-platform.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("codeagentPlatformDefaults",
                    new ClassPathResource(DEFAULTS, PlatformDefaultsEnvironmentPostProcessor.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + DEFAULTS + " on the classpath", e);
        }
        String format = environment.getProperty("codeagent.log.format", "text");
        if ("json".equalsIgnoreCase(format)) {
            Map<String, Object> json = new HashMap<>();
            json.put("logging.structured.format.console", "logstash");
            environment.getPropertySources().addFirst(new MapPropertySource("codeagentJsonLogging", json));
        } else if (!"text".equalsIgnoreCase(format)) {
            throw new IllegalStateException("CODEAGENT_LOG_FORMAT must be 'text' or 'json', not '" + format + "'");
        }
    }

    @Override
    public int getOrder() {
        // After Boot's config data processor, so application.yml is already in place above these defaults.
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
