package dev.codeagent.platform.web;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.platform.PlatformProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requires {@code Authorization: Bearer <CODEAGENT_INTERNAL_TOKEN>} on every path except actuator
 * endpoints and the service's configured public paths. Comparison is constant-time.
 */
public class InternalTokenFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(InternalTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final byte[] expected;
    private final boolean enabled;
    private final List<PathPattern> publicPaths;
    private final JsonMapper jsonMapper;

    public InternalTokenFilter(PlatformProperties properties, JsonMapper jsonMapper) {
        this.enabled = properties.internalAuth() == PlatformProperties.InternalAuth.TOKEN;
        this.expected = properties.internalToken() == null ? new byte[0]
                : properties.internalToken().getBytes(StandardCharsets.UTF_8);
        this.jsonMapper = jsonMapper;
        List<PathPattern> patterns = new ArrayList<>();
        PathPatternParser parser = PathPatternParser.defaultInstance;
        patterns.add(parser.parse("/actuator/**"));
        patterns.add(parser.parse("/error"));
        properties.publicPaths().forEach(p -> patterns.add(parser.parse(p)));
        this.publicPaths = List.copyOf(patterns);
        if (!enabled) {
            log.warn("Internal API authentication is OFF (CODEAGENT_INTERNAL_AUTH=none): use this for local "
                    + "development only");
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!enabled) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(
                request.getContextPath().length()));
        return publicPaths.stream().anyMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            byte[] presented = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
            if (MessageDigest.isEqual(presented, expected)) {
                chain.doFilter(request, response);
                return;
            }
        }
        log.warn("Rejected {} {}: missing or wrong internal token", request.getMethod(), request.getRequestURI());
        ProblemResponse.of(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "Unauthorized",
                        "This internal API needs 'Authorization: Bearer <CODEAGENT_INTERNAL_TOKEN>'.")
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"codeagent-internal\"")
                .writeTo(response, jsonMapper);
    }
}
