package dev.codeagent.healthmonitor.recovery;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The container API client, made only when restarts are enabled. */
@Configuration(proxyBeanMethods = false)
class RecoveryConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "codeagent.monitor.recovery.restart-unhealthy", havingValue = "true")
    DockerContainerRuntime containerRuntime(RecoveryProperties properties) {
        return new DockerContainerRuntime(properties.dockerHost(), properties.stopTimeout());
    }
}
