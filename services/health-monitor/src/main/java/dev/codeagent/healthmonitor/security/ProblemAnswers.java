package dev.codeagent.healthmonitor.security;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.platform.web.ProblemResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** The RFC 9457 answers of the dashboard's sign-in: 401 asks for credentials, 403 refuses a signed-in user. */
final class ProblemAnswers {

    static final String REALM = "Code Agent";

    private final JsonMapper jsonMapper;

    ProblemAnswers(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** 401 with a {@code WWW-Authenticate} challenge; {@code Basic} makes a browser show its sign-in prompt. */
    AuthenticationEntryPoint unauthorized(String challenge, String detail) {
        return (request, response, exception) -> write(response, ProblemResponse.of(HttpStatus.UNAUTHORIZED,
                        ProblemTypes.UNAUTHORIZED, "Unauthorized", detail)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge));
    }

    AccessDeniedHandler forbidden(String detail) {
        return (request, response, exception) -> write(response,
                ProblemResponse.of(HttpStatus.FORBIDDEN, ProblemTypes.PERMISSION, "Forbidden", detail));
    }

    void write(HttpServletResponse response, ProblemResponse problem) throws IOException {
        problem.header(HttpHeaders.CACHE_CONTROL, "no-store").writeTo(response, jsonMapper);
    }
}
