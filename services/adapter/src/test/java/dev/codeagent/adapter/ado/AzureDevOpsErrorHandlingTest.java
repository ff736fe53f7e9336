package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.git.CommentRequest;
import dev.codeagent.contracts.git.StatusRequest;
import dev.codeagent.contracts.git.StatusState;
import dev.codeagent.platform.web.ApiProblemException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Throttling, outages, refusals and secrets: how Azure DevOps failures reach the orchestrator. */
@ExtendWith(OutputCaptureExtension.class)
class AzureDevOpsErrorHandlingTest {

    static final String PR = AdoTestSupport.REPO_PATH + "/pullrequests/57";

    @RegisterExtension
    static WireMockExtension ado = AdoTestSupport.fakeAzureDevOps();

    AdoTestSupport support;

    @BeforeEach
    void setUp() {
        support = new AdoTestSupport(base());
    }

    static String base() {
        return "http://localhost:" + ado.getPort();
    }

    ApiProblemException readPullRequestFailure() {
        return catchThrowableOfType(ApiProblemException.class,
                () -> support.provider.pullRequest(AdoTestSupport.repo(), 57));
    }

    @Test
    void waitsOutRetryAfterOn429ThenSucceeds() {
        ado.stubFor(get(urlPathEqualTo(PR)).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")).willSetStateTo("ok"));
        ado.stubFor(get(urlPathEqualTo(PR)).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"pullRequestId\":57,\"title\":\"t\"}")));

        assertThat(support.provider.pullRequest(AdoTestSupport.repo(), 57).title()).isEqualTo("t");
        assertThat(support.waits).containsExactly(Duration.ofSeconds(7));
        ado.verify(2, getRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
        ado.stubFor(get(urlPathEqualTo(PR)).inScenario("date").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", at)).willSetStateTo("ok"));
        ado.stubFor(get(urlPathEqualTo(PR)).inScenario("date").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"pullRequestId\":57}")));

        support.provider.pullRequest(AdoTestSupport.repo(), 57);

        assertThat(support.waits).hasSize(1);
        assertThat(support.waits.get(0)).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(21));
    }

    @Test
    void retryAfterBeyondTheBoundGoesBackToTheCallerAs429() {
        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        ApiProblemException problem = readPullRequestFailure();

        assertThat(problem.status().value()).isEqualTo(429);
        assertThat(problem.type()).isEqualTo(ProblemTypes.RATE_LIMITED);
        assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(support.waits).isEmpty();
        ado.verify(1, getRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void persistent503IsRetriedWithBackoffThenReportedUnavailable() {
        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(503)));

        ApiProblemException problem = readPullRequestFailure();

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(ProblemTypes.UNAVAILABLE);
        assertThat(support.waits).containsExactly(Duration.ofMillis(250), Duration.ofMillis(500),
                Duration.ofMillis(1000));
        ado.verify(4, getRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void unguardedWritesAreNotRepeatedAfter503ButAreAfter429() {
        String threads = AdoTestSupport.REPO_PATH + "/pullRequests/57/threads";
        ado.stubFor(post(urlPathEqualTo(threads)).willReturn(aResponse().withStatus(503)));
        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class, () -> support.provider
                .createThread(AdoTestSupport.repo(), 57, new CommentRequest("hi", null), null));
        assertThat(problem.status().value()).isEqualTo(503);
        ado.verify(1, postRequestedFor(urlPathEqualTo(threads)));

        ado.resetAll();
        ado.stubFor(post(urlPathEqualTo(threads)).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
        ado.stubFor(post(urlPathEqualTo(threads)).inScenario("t").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"id\":5,\"comments\":[{\"id\":1}]}")));
        assertThat(support.provider.createThread(AdoTestSupport.repo(), 57, new CommentRequest("hi", null), null)
                .threadId()).isEqualTo(5);
        ado.verify(2, postRequestedFor(urlPathEqualTo(threads)));
    }

    @Test
    void networkFailuresOfReadsAreRetried() {
        ado.stubFor(get(urlPathEqualTo(PR)).inScenario("net").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        ado.stubFor(get(urlPathEqualTo(PR)).inScenario("net").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"pullRequestId\":57,\"title\":\"back\"}")));

        assertThat(support.provider.pullRequest(AdoTestSupport.repo(), 57).title()).isEqualTo("back");
        ado.verify(2, getRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void aSlowAnswerTimesOutAsUnavailable() {
        support = new AdoTestSupport(base(), 1, Duration.ofSeconds(5), Duration.ofMillis(300), null);
        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(okJson("{}").withFixedDelay(3000)));

        ApiProblemException problem = readPullRequestFailure();

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.getMessage()).contains("unreachable");
    }

    @Test
    void refusalsArePermanentPermissionProblemsNamingTheScope() {
        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(401)));
        ApiProblemException read = readPullRequestFailure();
        assertThat(read.status().value()).isEqualTo(403);
        assertThat(read.type()).isEqualTo(ProblemTypes.PERMISSION);
        assertThat(read.properties()).containsEntry("requiredScope", "vso.code_write");
        assertThat(read.getMessage()).contains("vso.code_write");

        ado.stubFor(post(urlPathEqualTo(AdoTestSupport.REPO_PATH + "/pullRequests/57/threads")).willReturn(
                aResponse().withStatus(403).withHeader("Content-Type", "application/json").withBody(
                        "{\"message\":\"TF401027: You need the Git 'ContributeToPullRequests' permission\"}")));
        ApiProblemException thread = catchThrowableOfType(ApiProblemException.class, () -> support.provider
                .createThread(AdoTestSupport.repo(), 57, new CommentRequest("hi", null), null));
        assertThat(thread.status().value()).isEqualTo(403);
        assertThat(thread.properties()).containsEntry("requiredScope", "vso.threads_full");
        assertThat(thread.getMessage()).contains("ContributeToPullRequests");

        ado.stubFor(get(urlPathEqualTo(AdoTestSupport.REPO_PATH + "/pullRequests/57/statuses")).willReturn(
                okJson("{\"count\":0,\"value\":[]}")));
        ado.stubFor(post(urlPathEqualTo(AdoTestSupport.REPO_PATH + "/pullRequests/57/statuses")).willReturn(
                aResponse().withStatus(403)));
        ApiProblemException status = catchThrowableOfType(ApiProblemException.class, () -> support.provider
                .setStatus(AdoTestSupport.repo(), 57, new StatusRequest(StatusState.PENDING, "codeagent", "edit",
                        null, null)));
        assertThat(status.properties()).containsEntry("requiredScope", "vso.code_status");
        ado.verify(1, getRequestedFor(urlPathEqualTo(PR)));
    }

    @Test
    void aSignInPageInsteadOfJsonIsAPermissionProblem() {
        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(203)
                .withHeader("Content-Type", "text/html; charset=utf-8").withBody("<html>Sign in</html>")));
        assertThat(readPullRequestFailure().status().value()).isEqualTo(403);

        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>Sign in</html>")));
        assertThat(readPullRequestFailure().status().value()).isEqualTo(403);
    }

    @Test
    void notFoundConflictRejectionAndServerErrorsAreMapped() {
        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"TF401180: The requested pull request was not found.\"}")));
        ApiProblemException notFound = readPullRequestFailure();
        assertThat(notFound.status().value()).isEqualTo(404);
        assertThat(notFound.type()).isEqualTo(ProblemTypes.NOT_FOUND);
        assertThat(notFound.getMessage()).contains("TF401180");

        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(409)));
        assertThat(readPullRequestFailure().type()).isEqualTo(ProblemTypes.CONFLICT);

        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Invalid argument\"}")));
        ApiProblemException rejected = readPullRequestFailure();
        assertThat(rejected.status().value()).isEqualTo(422);
        assertThat(rejected.type()).isEqualTo(ProblemTypes.UNPROCESSABLE);

        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(500)));
        support = new AdoTestSupport(base(), 1, Duration.ofSeconds(5), Duration.ofSeconds(5), null);
        ApiProblemException failed = readPullRequestFailure();
        assertThat(failed.status().value()).isEqualTo(503);
        assertThat(failed.type()).isEqualTo(ProblemTypes.UNAVAILABLE);
    }

    @Test
    void aRejectedEntraTokenIsReplacedOnceBeforeGivingUp() {
        java.util.concurrent.atomic.AtomicInteger invalidations = new java.util.concurrent.atomic.AtomicInteger();
        AzureDevOpsCredentials entra = new AzureDevOpsCredentials() {
            @Override
            public String authorizationHeader() {
                return "Bearer token-" + invalidations.get();
            }

            @Override
            public String kind() {
                return "entra";
            }

            @Override
            public void invalidate() {
                invalidations.incrementAndGet();
            }
        };
        support = new AdoTestSupport(base(), 2, Duration.ofSeconds(5), Duration.ofSeconds(5), entra);
        ado.stubFor(get(urlPathEqualTo(PR)).withHeader("Authorization", com.github.tomakehurst.wiremock.client
                .WireMock.equalTo("Bearer token-0")).willReturn(aResponse().withStatus(401)));
        ado.stubFor(get(urlPathEqualTo(PR)).withHeader("Authorization", com.github.tomakehurst.wiremock.client
                .WireMock.equalTo("Bearer token-1")).willReturn(okJson("{\"pullRequestId\":57,\"title\":\"ok\"}")));

        assertThat(support.provider.pullRequest(AdoTestSupport.repo(), 57).title()).isEqualTo("ok");
        assertThat(invalidations.get()).isEqualTo(1);

        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(401)));
        assertThat(readPullRequestFailure().status().value()).isEqualTo(403);
        assertThat(invalidations.get()).isEqualTo(2);
    }

    @Test
    void thePatNeverAppearsInErrorsOrLogs(CapturedOutput output) {
        ado.stubFor(get(urlPathEqualTo(PR)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Token " + AdoTestSupport.PAT + " is not valid\"}")));
        ado.stubFor(post(urlPathEqualTo(AdoTestSupport.REPO_PATH + "/pullRequests/57/threads"))
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        ado.stubFor(get(urlPathEqualTo(AdoTestSupport.REPO_PATH + "/pullrequests/58"))
                .willReturn(aResponse().withStatus(503)));

        ApiProblemException refused = readPullRequestFailure();
        ApiProblemException broken = catchThrowableOfType(ApiProblemException.class, () -> support.provider
                .createThread(AdoTestSupport.repo(), 57, new CommentRequest("hi", null), null));
        ApiProblemException down = catchThrowableOfType(ApiProblemException.class,
                () -> support.provider.pullRequest(AdoTestSupport.repo(), 58));

        String secretBasic = AdoTestSupport.BASIC.substring("Basic ".length());
        for (ApiProblemException problem : new ApiProblemException[] {refused, broken, down}) {
            assertThat(problem).isNotNull();
            assertThat(problem.getMessage()).doesNotContain(AdoTestSupport.PAT).doesNotContain(secretBasic);
            assertThat(problem.properties().toString()).doesNotContain(AdoTestSupport.PAT);
        }
        assertThat(refused.getMessage()).contains("******");
        assertThat(support.properties.toString()).doesNotContain(AdoTestSupport.PAT).contains("pat=******");
        assertThat(new PatCredentials(AdoTestSupport.PAT).toString()).doesNotContain(AdoTestSupport.PAT);
        assertThat(output.getAll()).contains("Azure DevOps answered 503")
                .doesNotContain(AdoTestSupport.PAT).doesNotContain(secretBasic);
    }
}
