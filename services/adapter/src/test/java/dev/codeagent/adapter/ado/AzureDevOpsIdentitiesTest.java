package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.codeagent.adapter.provider.TriggerPolicy;
import dev.codeagent.adapter.trigger.TriggerGate;
import dev.codeagent.adapter.trigger.TriggerProperties;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.git.TriggerPermission;
import dev.codeagent.platform.web.ApiProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may trigger the agent on Azure DevOps, decided by the Identities API of a fake organization in the API's own
 * shapes ({@link FakeIdentities}): direct and nested members of the allowed groups may, others may not, named users
 * may without a question to Azure DevOps, answers are reused within the cache time, and an identity service that
 * fails is reported as the problem it is, never as a denial.
 */
class AzureDevOpsIdentitiesTest {

    static final String ORGANIZATION = "/contoso";
    static final String CONTRIBUTORS = "[Web Shop]\\Contributors";
    static final String RELEASE_MANAGERS = "[contoso]\\Release Managers";
    static final Author DIRECT = new Author("0b7f3c4e-1d2a-4e5f-8a9b-000000000001", "ada@contoso.com", "Ada");
    static final Author NESTED = new Author("0b7f3c4e-1d2a-4e5f-8a9b-000000000002", "bob@contoso.com", "Bob");
    static final Author OUTSIDER = new Author("0b7f3c4e-1d2a-4e5f-8a9b-000000000003", "eve@contoso.com", "Eve");
    static final Author NEAR = new Author("0b7f3c4e-1d2a-4e5f-8a9b-000000000004", "nia@contoso.com", "Nia");

    @RegisterExtension
    static WireMockExtension ado = AdoTestSupport.fakeAzureDevOps();

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-05-04T08:00:00Z"));
    final FakeIdentities organization = new FakeIdentities(ORGANIZATION)
            .group(CONTRIBUTORS)
            .group("[Web Shop]\\Contributors Guests")
            .group(RELEASE_MANAGERS)
            .group("[contoso]\\Payments Leads", RELEASE_MANAGERS)
            .group("[contoso]\\Payments", "[contoso]\\Payments Leads")
            .user(DIRECT.id(), DIRECT.uniqueName(), DIRECT.displayName(), CONTRIBUTORS)
            .user(NESTED.id(), NESTED.uniqueName(), NESTED.displayName(), "[contoso]\\Payments")
            .user(OUTSIDER.id(), OUTSIDER.uniqueName(), OUTSIDER.displayName())
            .user(NEAR.id(), NEAR.uniqueName(), NEAR.displayName(), "[Web Shop]\\Contributors Guests");

    AdoTestSupport support;

    @BeforeEach
    void setUp() {
        support = new AdoTestSupport(base());
        organization.serve(ado);
    }

    static String base() {
        return "http://localhost:" + ado.getPort();
    }

    TriggerGate gate(List<String> groups, List<String> users) {
        return new TriggerGate(new TriggerProperties(null, groups, users, Duration.ofMinutes(10)),
                AdoTestSupport.clock(now));
    }

    TriggerPermission check(TriggerGate gate, Author author) {
        return gate.check(support.provider, AdoTestSupport.repo(), author);
    }

    @Test
    void aDirectMemberOfTheProjectsContributorsMayTrigger() {
        TriggerPermission answer = check(gate(List.of(), List.of()), DIRECT);

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.reason()).isEqualTo("ada@contoso.com is a member of [Web Shop]\\Contributors");
        assertThat(answer.allowedGroups()).containsExactly(CONTRIBUTORS);
        ado.verify(getRequestedFor(urlPathEqualTo(organization.path()))
                .withQueryParam("identityIds", equalTo(DIRECT.id()))
                .withQueryParam("queryMembership", equalTo("Expanded"))
                .withQueryParam("api-version", equalTo("7.1"))
                .withHeader("Authorization", equalTo(AdoTestSupport.BASIC)));
        ado.verify(getRequestedFor(urlPathEqualTo(organization.path()))
                .withQueryParam("searchFilter", equalTo("General"))
                .withQueryParam("filterValue", equalTo(CONTRIBUTORS))
                .withQueryParam("queryMembership", equalTo("None")));
    }

    @Test
    void aMemberThroughNestedGroupsOfAConfiguredGroupMayTrigger() {
        TriggerPermission answer = check(gate(List.of(RELEASE_MANAGERS), List.of()), NESTED);

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.reason()).endsWith("is a member of [contoso]\\Release Managers");
        assertThat(answer.allowedGroups()).containsExactly(CONTRIBUTORS, RELEASE_MANAGERS);
    }

    @Test
    void aNonMemberMayNotTrigger() {
        TriggerPermission answer = check(gate(List.of(RELEASE_MANAGERS), List.of()), OUTSIDER);

        assertThat(answer.allowed()).isFalse();
        assertThat(answer.reason()).isEqualTo("eve@contoso.com is not a member of [Web Shop]\\Contributors or "
                + "[contoso]\\Release Managers");
        assertThat(answer.allowedGroups()).containsExactly(CONTRIBUTORS, RELEASE_MANAGERS);
    }

    @Test
    void aGroupWithANearNameDoesNotCount() {
        assertThat(check(gate(List.of(), List.of()), NEAR).allowed()).isFalse();
    }

    @Test
    void anUnknownIdentityOrGroupAllowsNobody() {
        Author unknown = new Author(FakeIdentities.UNKNOWN_ID, "ghost@contoso.com", "Ghost");
        assertThat(check(gate(List.of(), List.of()), unknown).allowed()).isFalse();

        assertThat(check(gate(List.of("[contoso]\\No Such Group"), List.of()), NESTED).allowed()).isFalse();
        assertThat(check(gate(List.of(), List.of()), new Author(null, "x@contoso.com", "X")).allowed()).isFalse();
    }

    @Test
    void aNamedUserMayTriggerWithoutAQuestionToAzureDevOps() {
        TriggerPermission answer = check(gate(List.of(), List.of("EVE@contoso.com")), OUTSIDER);

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.reason()).contains("CODEAGENT_TRIGGER_USERS");
        ado.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void answersAreReusedWithinTheCacheTimeThenAskedAgain() {
        TriggerGate gate = gate(List.of(), List.of());
        assertThat(check(gate, DIRECT).allowed()).isTrue();
        assertThat(check(gate, OUTSIDER).allowed()).isFalse();
        int asked = ado.getAllServeEvents().size();

        now.set(now.get().plus(Duration.ofMinutes(9)));
        assertThat(check(gate, DIRECT).allowed()).isTrue();
        assertThat(check(gate, OUTSIDER).allowed()).isFalse();
        assertThat(ado.getAllServeEvents()).as("no call within the cache time").hasSize(asked);

        now.set(now.get().plus(Duration.ofMinutes(2)));
        assertThat(check(gate, DIRECT).allowed()).isTrue();
        assertThat(ado.getAllServeEvents().size()).isGreaterThan(asked);
    }

    @Test
    void theGateIsOffUnderThePolicyAny() {
        TriggerGate open = new TriggerGate(new TriggerProperties(TriggerPolicy.ANY, List.of(), List.of(),
                Duration.ofMinutes(10)), AdoTestSupport.clock(now));

        TriggerPermission answer = check(open, OUTSIDER);

        assertThat(answer.allowed()).isTrue();
        assertThat(answer.allowedGroups()).isEmpty();
        ado.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void throttlingIsWaitedOutAsRetryAfterSays() {
        String identities = organization.path();
        ado.stubFor(get(urlPathEqualTo(identities)).atPriority(1).inScenario("throttle")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("ok"));

        assertThat(check(gate(List.of(), List.of()), DIRECT).allowed()).isTrue();
        assertThat(support.waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void throttlingLongerThanTheAdapterWaitsGoesBackAsRateLimited() {
        ado.stubFor(get(urlPathEqualTo(organization.path())).atPriority(1)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        ApiProblemException problem = failure(gate(List.of(), List.of()), DIRECT);

        assertThat(problem.status().value()).isEqualTo(429);
        assertThat(problem.type()).isEqualTo(ProblemTypes.RATE_LIMITED);
        assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void anIdentityServiceThatStaysUnavailableIsReportedUnavailableAndNotRemembered() {
        StubMapping outage = ado.stubFor(get(urlPathEqualTo(organization.path())).atPriority(1)
                .willReturn(aResponse().withStatus(503)));
        TriggerGate gate = gate(List.of(), List.of());

        ApiProblemException problem = failure(gate, DIRECT);

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(ProblemTypes.UNAVAILABLE);
        assertThat(support.waits).hasSize(3);
        ado.removeStub(outage);
        assertThat(check(gate, DIRECT).allowed()).as("the failure was not taken for an answer").isTrue();
    }

    @Test
    void anIdentityServiceThatDoesNotAnswerInTimeIsReportedUnavailable() {
        support = new AdoTestSupport(base(), null, 2, Duration.ofSeconds(5), Duration.ofMillis(300), null);
        ado.stubFor(get(urlPathEqualTo(organization.path())).atPriority(1)
                .willReturn(okJson("{\"count\":0,\"value\":[]}").withFixedDelay(2000)));

        ApiProblemException problem = failure(gate(List.of(), List.of()), DIRECT);

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.type()).isEqualTo(ProblemTypes.UNAVAILABLE);
        assertThat(problem.getMessage()).contains("unreachable");
        ado.verify(2, getRequestedFor(urlPathEqualTo(organization.path())));
    }

    @Test
    void aRefusalNamesTheMissingScope() {
        ado.stubFor(get(urlPathEqualTo(organization.path())).atPriority(1).willReturn(aResponse().withStatus(401)));

        ApiProblemException problem = failure(gate(List.of(), List.of()), DIRECT);

        assertThat(problem.status().value()).isEqualTo(403);
        assertThat(problem.type()).isEqualTo(ProblemTypes.PERMISSION);
        assertThat(problem.properties()).containsEntry("requiredScope", "vso.identity");
        assertThat(problem.getMessage()).contains("vso.identity").doesNotContain(AdoTestSupport.PAT);

        ado.stubFor(get(urlPathEqualTo(organization.path())).atPriority(1).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"TF400813: The user is not authorized to access this resource.\"}")));
        ApiProblemException forbidden = failure(gate(List.of(), List.of()), DIRECT);
        assertThat(forbidden.getMessage()).contains("vso.identity").contains("TF400813");
    }

    @Test
    void identitiesAreReadFromTheIdentityHostWhenOneIsSet() {
        support = new AdoTestSupport(base(), base() + "/vssps/", 4, Duration.ofSeconds(30), Duration.ofSeconds(30),
                null);
        new FakeIdentities("/vssps" + ORGANIZATION).group(CONTRIBUTORS)
                .user(DIRECT.id(), DIRECT.uniqueName(), DIRECT.displayName(), CONTRIBUTORS).serve(ado);

        assertThat(check(gate(List.of(), List.of()), DIRECT).allowed()).isTrue();
        ado.verify(0, getRequestedFor(urlPathEqualTo(organization.path())));
        ado.verify(2, getRequestedFor(urlPathEqualTo("/vssps/contoso/_apis/identities")));
    }

    @Test
    void theIdentityHostFollowsTheFormOfTheBaseUrl() {
        assertThat(identities("https://dev.azure.com", null).organizationUrl("contoso"))
                .isEqualTo("https://vssps.dev.azure.com/contoso");
        assertThat(identities("https://contoso.visualstudio.com", null).organizationUrl("contoso"))
                .isEqualTo("https://vssps.dev.azure.com/contoso");
        assertThat(identities("https://tfs.example.com/tfs", null).organizationUrl("DefaultCollection"))
                .isEqualTo("https://tfs.example.com/tfs/DefaultCollection");
        assertThat(identities("https://dev.azure.com", "https://vssps.example.test").organizationUrl("Web Org"))
                .isEqualTo("https://vssps.example.test/Web%20Org");
    }

    private AzureDevOpsIdentities identities(String baseUrl, String identityBaseUrl) {
        AzureDevOpsProperties properties = new AzureDevOpsProperties(baseUrl, AzureDevOpsProperties.Auth.PAT,
                AdoTestSupport.PAT, null, null, null, "https://login.microsoftonline.com/", Duration.ofSeconds(1),
                Duration.ofSeconds(1), 1, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(1));
        return new AzureDevOpsIdentities(properties, new AzureDevOpsIdentityProperties(identityBaseUrl), null);
    }

    private ApiProblemException failure(TriggerGate gate, Author author) {
        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class, () -> check(gate, author));
        assertThat(problem).as("a problem, not an answer").isNotNull();
        return problem;
    }
}
