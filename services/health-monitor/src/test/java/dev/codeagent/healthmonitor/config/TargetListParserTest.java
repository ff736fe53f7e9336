package dev.codeagent.healthmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetListParserTest {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    @Test
    void parsesTheLocalRunnersFiveServices() {
        String spec = "gateway=http://localhost:3001/actuator/health/readiness|critical;"
                + "orchestrator=http://localhost:7071/actuator/health/readiness|critical;"
                + "adapter=http://localhost:3002/actuator/health/readiness|critical;"
                + "llm-patch=http://localhost:3003/actuator/health/readiness|critical;"
                + "health-monitor=http://localhost:8888/actuator/health/readiness|critical";
        List<Target> targets = TargetListParser.parse(spec, DEFAULT_TIMEOUT);
        assertThat(targets).extracting(Target::name)
                .containsExactly("gateway", "orchestrator", "adapter", "llm-patch", "health-monitor");
        assertThat(targets).allSatisfy(t -> {
            assertThat(t.critical()).isTrue();
            assertThat(t.timeout()).isEqualTo(DEFAULT_TIMEOUT);
            assertThat(t.expectedStatus().matches(200)).isTrue();
            assertThat(t.expectedStatus().matches(503)).isFalse();
        });
        assertThat(targets.get(3).url().toString()).isEqualTo("http://localhost:3003/actuator/health/readiness");
    }

    @Test
    void readsAttributesInAnyOrder() {
        List<Target> targets = TargetListParser.parse("""
                azurite = http://azurite:10000/ | 400,403 | critical | 1500ms
                ollama=http://ollama:11434/api/tags|2s|optional|200
                """, DEFAULT_TIMEOUT);
        assertThat(targets).hasSize(2);
        Target azurite = targets.get(0);
        assertThat(azurite.name()).isEqualTo("azurite");
        assertThat(azurite.url().toString()).isEqualTo("http://azurite:10000/");
        assertThat(azurite.expectedStatus().matches(403)).isTrue();
        assertThat(azurite.expectedStatus().matches(200)).isFalse();
        assertThat(azurite.timeout()).isEqualTo(Duration.ofMillis(1500));
        Target ollama = targets.get(1);
        assertThat(ollama.critical()).isFalse();
        assertThat(ollama.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ollama.expectedStatus().toString()).isEqualTo("200");
    }

    @Test
    void acceptsCommaSeparatedBaseUrlsOfServices() {
        List<Target> targets = TargetListParser.parse(
                "gateway=http://gateway:3001,orchestrator=http://orchestrator:7071", DEFAULT_TIMEOUT);
        assertThat(targets).extracting(t -> t.url().toString()).containsExactly(
                "http://gateway:3001/actuator/health/readiness",
                "http://orchestrator:7071/actuator/health/readiness");
    }

    @Test
    void hidesCredentialsWhenShown() {
        Target target = TargetListParser.parse("db=https://user:secret@db.example:8443/health?x=1", DEFAULT_TIMEOUT)
                .get(0);
        assertThat(target.displayUrl()).isEqualTo("https://db.example:8443/health?x=1");
    }

    @Test
    void rejectsMistakesWithAPreciseMessage() {
        assertThatThrownBy(() -> TargetListParser.parse("gateway", DEFAULT_TIMEOUT))
                .hasMessageContaining("expected name=url");
        assertThatThrownBy(() -> TargetListParser.parse("gateway=http://g:1/x|sometimes", DEFAULT_TIMEOUT))
                .hasMessageContaining("unknown attribute 'sometimes'");
        assertThatThrownBy(() -> TargetListParser.parse("gateway=ftp://g/x", DEFAULT_TIMEOUT))
                .hasMessageContaining("absolute http(s) URL");
        assertThatThrownBy(() -> TargetListParser.parse("a=http://a/x;a=http://b/x", DEFAULT_TIMEOUT))
                .hasMessageContaining("configured twice");
        assertThatThrownBy(() -> TargetListParser.parse("bad name=http://a/x", DEFAULT_TIMEOUT))
                .hasMessageContaining("Invalid monitor target name");
    }

    @Test
    void expectedStatusSpecs() {
        ExpectedStatus spec = ExpectedStatus.parse("2xx, 400-403 ,418");
        assertThat(spec.matches(204)).isTrue();
        assertThat(spec.matches(402)).isTrue();
        assertThat(spec.matches(418)).isTrue();
        assertThat(spec.matches(404)).isFalse();
        assertThat(spec.matches(500)).isFalse();
        assertThat(ExpectedStatus.parse(null)).isEqualTo(ExpectedStatus.SUCCESS);
        assertThatThrownBy(() -> ExpectedStatus.parse("20x")).hasMessageContaining("Invalid expected status");
        assertThatThrownBy(() -> ExpectedStatus.parse("500-400")).hasMessageContaining("Invalid expected status");
    }
}
