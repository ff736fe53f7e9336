package dev.codeagent.healthmonitor.security;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.platform.web.ProblemResponse;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requires {@code Authorization: Bearer <CODEAGENT_METRICS_TOKEN>} on {@code /actuator/prometheus}, so a
 * scraper needs neither a person's password nor a sign-in flow it cannot follow. Constant-time comparison.
 */
final class MetricsTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final RequestMatcher metrics;
    private final byte[] expected;
    private final ProblemAnswers answers;

    MetricsTokenFilter(RequestMatcher metrics, String token, ProblemAnswers answers) {
        this.metrics = metrics;
        this.expected = token.getBytes(StandardCharsets.UTF_8);
        this.answers = answers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !metrics.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && MessageDigest.isEqual(header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8),
                        expected)) {
            chain.doFilter(request, response);
            return;
        }
        answers.write(response, ProblemResponse.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                        "Unauthorized", "Metrics need 'Authorization: Bearer <CODEAGENT_METRICS_TOKEN>'.")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"codeagent-metrics\""));
    }
}
