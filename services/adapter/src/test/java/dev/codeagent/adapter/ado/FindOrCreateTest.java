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

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.codeagent.adapter.provider.GitProblems;
import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.platform.web.ApiProblemException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Find, create, and on a refusal find again: against a fake Azure DevOps on loopback. */
class FindOrCreateTest {

    static final String THINGS = AdoTestSupport.REPO_PATH + "/things";
    static final String NONE = "{\"value\":[],\"count\":0}";
    static final String ONE = "{\"value\":[{\"id\":\"t1\"}],\"count\":1}";

    @RegisterExtension
    static WireMockExtension ado = AdoTestSupport.fakeAzureDevOps();

    final AdoTestSupport support = new AdoTestSupport("http://localhost:" + ado.getPort());
    final FindOrCreate findOrCreate = new FindOrCreate(support.client);

    /** A thing is found when the list names one; a created one is marked so the caller can tell. */
    String run(boolean retrySafe) {
        AzureDevOpsCall create = AzureDevOpsCall.write("POST", "/things", Map.of("name", "x"), "create a thing",
                AzureDevOpsScopes.CODE_WRITE, retrySafe);
        return findOrCreate.run(AdoTestSupport.repo(), this::find, create, this::created,
                refusal -> GitProblems.conflict("refused (" + (refusal == null ? "in its answer"
                        : "HTTP " + refusal.status().value()) + ") and not there", null));
    }

    Optional<String> find() {
        JsonNode list = support.client.json(AdoTestSupport.repo(), AzureDevOpsCall.get("/things", "list things",
                AzureDevOpsScopes.CODE_WRITE));
        return Optional.ofNullable(AzureDevOpsAnswers.text(list.path("value").path(0), "id"));
    }

    /** An answer saying {@code "applied": false} reports a refusal, as Refs - Update Refs does. */
    Optional<String> created(JsonNode answer) {
        return answer.path("applied").asBoolean(true) ? Optional.of("created " + answer.path("id").asString())
                : Optional.empty();
    }

    static void thingsAre(String state, String json) {
        ado.stubFor(get(urlPathEqualTo(THINGS)).inScenario("things").whenScenarioStateIs(state)
                .willReturn(okJson(json)));
    }

    /** How often the thing was looked for and how often creating it was sent. */
    static void calls(int finds, int creates) {
        ado.verify(finds, getRequestedFor(urlPathEqualTo(THINGS)));
        ado.verify(creates, postRequestedFor(urlPathEqualTo(THINGS)));
    }

    /** Nothing is there until the create, which makes one however it answers. */
    static void createMakesOneAndAnswers(ResponseDefinitionBuilder answer) {
        thingsAre(Scenario.STARTED, NONE);
        thingsAre("made", ONE);
        ado.stubFor(post(urlPathEqualTo(THINGS)).inScenario("things").willSetStateTo("made").willReturn(answer));
    }

    @Test
    void createsWhatIsNotThere() {
        thingsAre(Scenario.STARTED, NONE);
        ado.stubFor(post(urlPathEqualTo(THINGS)).willReturn(okJson("{\"id\":\"t2\"}")));

        assertThat(run(false)).isEqualTo("created t2");
        calls(1, 1);
    }

    @Test
    void reusesWhatIsThereWithoutWriting() {
        thingsAre(Scenario.STARTED, ONE);

        assertThat(run(false)).isEqualTo("t1");
        calls(1, 0);
    }

    @Test
    void aConflictLooksAgainAndReusesWhatWonTheRace() {
        createMakesOneAndAnswers(aResponse().withStatus(409));

        assertThat(run(false)).isEqualTo("t1");
        calls(2, 1);
    }

    @Test
    void aLostAnswerIsRepeatedAndItsRefusalReusesWhatTheFirstAttemptMade() {
        thingsAre(Scenario.STARTED, NONE);
        thingsAre("made", ONE);
        ado.stubFor(post(urlPathEqualTo(THINGS)).inScenario("things").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("made").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ado.stubFor(post(urlPathEqualTo(THINGS)).inScenario("things").whenScenarioStateIs("made")
                .willReturn(aResponse().withStatus(409)));

        assertThat(run(true)).isEqualTo("t1");
        calls(2, 2);
        assertThat(support.waits).hasSize(1);
    }

    @Test
    void anUnguardedCreateWhoseAnswerWasLostIsLookedForAndReusedWithoutRepeatingIt() {
        for (ResponseDefinitionBuilder lost : List.of(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withStatus(502), aResponse().withStatus(503), aResponse().withStatus(504))) {
            ado.resetAll();
            createMakesOneAndAnswers(lost);

            assertThat(run(false)).isEqualTo("t1");
            calls(2, 1);
        }
        assertThat(support.waits).isEmpty();
    }

    @Test
    void aLostAnswerWithNothingThereYetIsUnavailableForTheCallerToRepeat() {
        thingsAre(Scenario.STARTED, NONE);
        ado.stubFor(post(urlPathEqualTo(THINGS)).willReturn(aResponse().withStatus(504)));

        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class, () -> run(false));

        assertThat(problem.type()).isEqualTo(ProblemTypes.UNAVAILABLE);
        assertThat(problem.getMessage()).contains("create a thing").contains("HTTP 504");
        calls(2, 1);
    }

    @Test
    void aRefusalReportedInASuccessfulAnswerAlsoLooksAgain() {
        createMakesOneAndAnswers(okJson("{\"applied\":false}"));

        assertThat(run(true)).isEqualTo("t1");
        calls(2, 1);
    }

    @Test
    void aRefusalWithNothingThereIsTheCallersErrorGivenTheRefusal() {
        thingsAre(Scenario.STARTED, NONE);
        ado.stubFor(post(urlPathEqualTo(THINGS)).willReturn(aResponse().withStatus(409)));

        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class, () -> run(false));

        assertThat(problem.getMessage()).contains("refused (HTTP 409) and not there");
        calls(2, 1);

        ado.stubFor(post(urlPathEqualTo(THINGS)).willReturn(okJson("{\"applied\":false}")));
        assertThat(catchThrowableOfType(ApiProblemException.class, () -> run(true)).getMessage())
                .contains("refused (in its answer) and not there");
    }

    @Test
    void anyOtherFailureIsItsProblemWithoutLookingAgain() {
        thingsAre(Scenario.STARTED, NONE);
        ado.stubFor(post(urlPathEqualTo(THINGS)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Invalid argument\"}")));

        ApiProblemException problem = catchThrowableOfType(ApiProblemException.class, () -> run(false));

        assertThat(problem.status().value()).isEqualTo(422);
        assertThat(problem.type()).isEqualTo(ProblemTypes.UNPROCESSABLE);
        assertThat(problem.getMessage()).contains("create a thing").contains("Invalid argument");
        calls(1, 1);
    }
}
