package dev.codeagent.healthmonitor.security;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sign-in for the dashboard, its APIs and the metrics ({@code CODEAGENT_DASHBOARD_AUTH}). Health stays open
 * for load balancers, container health checks and the other services. Nothing here touches the internal
 * token: the platform's filter runs first and still guards every path outside the dashboard's public list.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class DashboardSecurityConfiguration {

    static final String DASHBOARD_AUTHORITY = "DASHBOARD";
    static final String REGISTRATION_ID = "entra";

    private static final Logger log = LoggerFactory.getLogger(DashboardSecurityConfiguration.class);
    private static final String[] OPEN = {
        "/health", "/actuator/health", "/actuator/health/**", "/actuator/info", "/error"};

    @Bean
    SecurityFilterChain dashboardSecurity(HttpSecurity http, DashboardAuthProperties properties,
            JsonMapper jsonMapper, @Value("${server.port:8888}") String port) throws Exception {
        ProblemAnswers answers = new ProblemAnswers(jsonMapper);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher metrics = paths.matcher("/actuator/prometheus");
        if (properties.metricsToken() != null) {
            http.addFilterAfter(new MetricsTokenFilter(metrics, properties.metricsToken(), answers),
                    SecurityContextHolderFilter.class);
        }
        http.authorizeHttpRequests(authorize -> {
            // The request that started an SSE stream or reached an error page was authorized already.
            authorize.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
            authorize.requestMatchers(OPEN).permitAll();
            if (properties.metricsToken() != null) {
                authorize.requestMatchers(metrics).permitAll();  // MetricsTokenFilter has checked the token
            }
            if (properties.auth() == DashboardAuthProperties.Mode.NONE) {
                authorize.anyRequest().permitAll();
            } else {
                authorize.anyRequest().hasAuthority(DASHBOARD_AUTHORITY);
            }
        });
        switch (properties.auth()) {
            case BASIC -> basic(http, properties, answers);
            case OIDC -> oidc(http, properties.oidc(), answers, paths);
            case NONE -> {
                http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
                log.warn("CODEAGENT_DASHBOARD_AUTH=none: the dashboard and job APIs are open to anyone who can "
                        + "reach port {}", port);
            }
        }
        return http.build();
    }

    private static void basic(HttpSecurity http, DashboardAuthProperties properties, ProblemAnswers answers)
            throws Exception {
        DashboardUsers users = DashboardUsers.load(properties);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(new HtpasswdPasswordEncoder());
        var challenge = answers.unauthorized("Basic realm=\"" + ProblemAnswers.REALM + "\", charset=\"UTF-8\"",
                "Sign in with a dashboard user (HTTP Basic).");
        http.authenticationProvider(provider)
                .httpBasic(basic -> basic.realmName(ProblemAnswers.REALM).authenticationEntryPoint(challenge))
                .exceptionHandling(e -> e.authenticationEntryPoint(challenge)
                        .accessDeniedHandler(answers.forbidden("This user may not open the dashboard.")))
                // Browsers send the credentials with every request, so no session is needed.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        log.info("Dashboard sign-in: HTTP Basic, {} user(s): {}", users.names().size(), users.names());
    }

    private static void oidc(HttpSecurity http, DashboardAuthProperties.Oidc oidc, ProblemAnswers answers,
            PathPatternRequestMatcher.Builder paths) throws Exception {
        // Reads the provider's discovery document now: a wrong issuer stops the start, not the first sign-in.
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(oidc.issuer())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope("openid", "profile", "email")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .build();
        RequestMatcher api = new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/actuator/**"));
        http.oauth2Login(login -> login
                        .clientRegistrationRepository(new InMemoryClientRegistrationRepository(registration))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(
                                new EntraGroupUserService(oidc.allowedGroup()))))
                .exceptionHandling(e -> e
                        // Scripts get a problem they can show; a page view goes to the provider's sign-in.
                        .defaultAuthenticationEntryPointFor(answers.unauthorized(
                                "Cookie realm=\"" + ProblemAnswers.REALM + "\"",
                                "Sign in first: open the dashboard page in a browser."), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(
                                "/oauth2/authorization/" + REGISTRATION_ID), AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(answers.forbidden("You are signed in but not a member of the group "
                                + "allowed to open the dashboard (CODEAGENT_DASHBOARD_OIDC_ALLOWED_GROUP).")));
        log.info("Dashboard sign-in: OpenID Connect via {}, group {}", oidc.issuer(), oidc.allowedGroup());
    }
}
