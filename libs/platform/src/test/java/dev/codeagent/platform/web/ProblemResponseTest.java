package dev.codeagent.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.ProblemTypes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class ProblemResponseTest {

    private final JsonMapper json = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();

    @Test
    void theBodyHasTheStandardMembersThenTheExtensionsInOrderThenTheCorrelationId() {
        try (CorrelationId.Scope ignored = CorrelationId.open("corr-7")) {
            ProblemDetail body = ProblemResponse.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Bad request",
                    "Missing fields").member("fields", List.of("a", "b")).member("hint", "x").body();

            assertThat(json.writeValueAsString(body)).isEqualTo("{\"detail\":\"Missing fields\",\"status\":400,"
                    + "\"title\":\"Bad request\",\"type\":\"https://codeagent.dev/problems/validation\","
                    + "\"fields\":[\"a\",\"b\"],\"hint\":\"x\",\"corrId\":\"corr-7\"}");
        }
    }

    @Test
    void withoutACorrelationIdInScopeTheBodyHasNone() {
        ProblemDetail body = ProblemResponse.of(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", "taken")
                .body();
        assertThat(body.getProperties()).isNull();
    }

    @Test
    void theResponseEntityIsProblemJsonWithRetryAfterRoundedUpAndExtraHeaders() {
        ResponseEntity<Object> answer = ProblemResponse.of(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED,
                "Too many", "later").retryAfter(Duration.ofMillis(1500)).header("X-Extra", "yes").toResponseEntity();

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getHeaders().getFirst("X-Extra")).isEqualTo("yes");
        assertThat(answer.getBody()).isInstanceOfSatisfying(ProblemDetail.class, p -> {
            assertThat(p.getStatus()).isEqualTo(429);
            assertThat(p.getTitle()).isEqualTo("Too many");
            assertThat(p.getDetail()).isEqualTo("later");
        });
    }

    @Test
    void noWaitMeansNoRetryAfter() {
        ResponseEntity<Object> answer = ProblemResponse.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                "Unavailable", "down").retryAfter(null).toResponseEntity();
        assertThat(answer.getHeaders().containsHeader("Retry-After")).isFalse();
    }

    @Test
    void aFilterWritesTheSameAnswerToTheServletResponse() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try (CorrelationId.Scope ignored = CorrelationId.open("corr-8")) {
            ProblemResponse.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized", "token please")
                    .header("WWW-Authenticate", "Bearer realm=\"r\"").retryAfter(Duration.ofSeconds(3))
                    .writeTo(response, json);
        }
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer realm=\"r\"");
        assertThat(response.getHeader("Retry-After")).isEqualTo("3");
        assertThat(response.getContentAsString()).isEqualTo("{\"detail\":\"token please\",\"status\":401,"
                + "\"title\":\"Unauthorized\",\"type\":\"https://codeagent.dev/problems/unauthorized\","
                + "\"corrId\":\"corr-8\"}");
    }
}
