package dev.codeagent.llmpatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Turns an intent and repository context into validated file edits through a model provider chain and a patch engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LlmPatchApplication {

    public static void main(String[] args) {
        SpringApplication.run(LlmPatchApplication.class, args);
    }
}
