package dev.codeagent.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.command.Author;
import dev.codeagent.contracts.command.RepositoryRef;
import dev.codeagent.contracts.command.StartJobRequest;
import dev.codeagent.gateway.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AdoDeliveryReaderTest {

    private final AdoDeliveryReader reader = new AdoDeliveryReader(null);

    @Test
    void readsTheEditCommandFixture() {
        CommentEvent event = event(Fixtures.tree(Fixtures.EDIT_COMMAND));
        assertThat(event.repository()).isEqualTo(new RepositoryRef("azure-devops", "contoso", "Payments",
                "payments-api", "6f1c2a7e-4b1d-4c55-9d0e-2b7f3c9a1e11"));
        assertThat(event.pullRequestId()).isEqualTo(57);
        assertThat(event.threadId()).isEqualTo(742);
        assertThat(event.commentId()).isEqualTo(1);
        assertThat(event.parentCommentId()).isZero();
        assertThat(event.author()).isEqualTo(new Author("2c9d1e7f-6a4b-4d3c-9e8f-0a1b2c3d4e5f",
                "dana@contoso.example", "Dana Developer"));
        assertThat(event.content()).isEqualTo(
                "@<7F3A2B1C-0D4E-4F5A-8B6C-9D0E1F2A3B4C> /edit /3 Add input validation to the login handler");
        assertThat(event.sourceRef()).isEqualTo("refs/heads/feature/login-rate-limit");
        assertThat(event.targetRef()).isEqualTo("refs/heads/main");
        assertThat(event.sourceCommit()).isEqualTo("9c1b7e3f2a4d6c8e0f1a3b5c7d9e1f2a4b6c8d0e");
        assertThat(event.deliveryId()).isEqualTo("5b2e8f1c-9a7d-4c3e-8b6f-1d2a3c4e5f60");
        assertThat(event.commentUpdatedAt()).isEqualTo(Instant.parse("2026-11-20T09:14:03.217Z"));
        assertThat(event.edited()).isFalse();
        assertThat(event.deleted()).isFalse();
    }

    @Test
    void recognisesAnEditedComment() {
        CommentEvent event = event(Fixtures.tree(Fixtures.EDITED));
        assertThat(event.edited()).isTrue();
        assertThat(event.commentId()).isEqualTo(1);
        assertThat(event.threadId()).isEqualTo(742);
        assertThat(event.deliveryId()).isEqualTo("7a9c1e3f-5b7d-4f1a-8c3e-5a7c9e1f3b5d");
    }

    @Test
    void readsThePlainReplyWithItsParent() {
        CommentEvent event = event(Fixtures.tree(Fixtures.PLAIN_REPLY));
        assertThat(event.commentId()).isEqualTo(2);
        assertThat(event.parentCommentId()).isEqualTo(1);
        assertThat(event.content()).isEqualTo("Thanks! Looking at the variants now.");
    }

    @Test
    void readsTheCapturedDelivery() {
        CommentEvent event = event(Fixtures.tree(Fixtures.CAPTURED));
        assertThat(event.repository().organization()).isEqualTo("fabrikam-demo");
        assertThat(event.repository().project()).isEqualTo("DemoProject");
        assertThat(event.repository().repository()).isEqualTo("DemoProject");
        assertThat(event.pullRequestId()).isEqualTo(3);
        assertThat(event.threadId()).isEqualTo(318);
        assertThat(event.sourceCommit()).isEqualTo("1906018bef7db0e0b0c1cd60f3598d806a467bf4");
    }

    @Test
    void fallsBackToTheDiscussionIdWhenTheThreadsLinkIsMissing() {
        ObjectNode tree = Fixtures.tree(Fixtures.EDIT_COMMAND);
        ((ObjectNode) tree.path("resource").path("comment").path("_links")).remove("threads");
        ((ObjectNode) tree.path("resource").path("comment").path("_links")).remove("self");
        assertThat(event(tree).threadId()).isEqualTo(742);
    }

    @Test
    void fallsBackToTheSelfLinkWhenNoMessageNamesTheThread() {
        ObjectNode tree = Fixtures.tree(Fixtures.EDIT_COMMAND);
        ((ObjectNode) tree.path("resource").path("comment").path("_links")).remove("threads");
        tree.remove("message");
        assertThat(event(tree).threadId()).isEqualTo(742);
    }

    @Test
    void namesEveryMissingField() {
        ObjectNode tree = Fixtures.tree(Fixtures.EDIT_COMMAND);
        ((ObjectNode) tree.path("resource").path("comment")).remove("id");
        ((ObjectNode) tree.path("resource").path("comment")).put("content", 42);
        ((ObjectNode) tree.path("resource").path("pullRequest")).put("pullRequestId", -5);
        withoutOrganizationUrls(tree);
        ReadResult result = reader.read(tree);
        assertThat(result).isInstanceOf(ReadResult.Invalid.class);
        assertThat(((ReadResult.Invalid) result).fields()).containsExactlyInAnyOrder("resource.comment.id",
                "resource.comment.content", "resource.pullRequest.pullRequestId",
                "resourceContainers.collection.baseUrl");
    }

    @Test
    void theDeliveryDateIsReadAndRequired() {
        ObjectNode tree = Fixtures.createdAt(Fixtures.tree(Fixtures.EDIT_COMMAND),
                Instant.parse("2026-11-20T09:14:09.843Z"));
        assertThat(event(tree).createdAt()).isEqualTo(Instant.parse("2026-11-20T09:14:09.843Z"));

        tree.put("createdDate", "last Tuesday");
        assertThat(((ReadResult.Invalid) reader.read(tree)).fields()).containsExactly("createdDate");
        tree.remove("createdDate");
        assertThat(((ReadResult.Invalid) reader.read(tree)).fields()).containsExactly("createdDate");
    }

    @Test
    void namesWithControlCharactersAreRefusedWhereverTheyAre() {
        ObjectNode tree = Fixtures.tree(Fixtures.EDIT_COMMAND);
        ObjectNode comment = (ObjectNode) tree.path("resource").path("comment");
        ObjectNode pullRequest = (ObjectNode) tree.path("resource").path("pullRequest");
        ((ObjectNode) comment.path("author")).put("displayName", "Dana\n2026-12-06 INFO forged line");
        ((ObjectNode) comment.path("author")).put("uniqueName", "dana\r@contoso.example");
        pullRequest.put("sourceRefName", "refs/heads/feature\u001B[2J");
        ((ObjectNode) pullRequest.path("repository")).put("name", "payments\u0085api");
        ((ObjectNode) pullRequest.path("repository").path("project")).put("name", "Pay\u2028ments");
        comment.put("content", "@<7F3A2B1C-0D4E-4F5A-8B6C-9D0E1F2A3B4C> /edit keep\r\nthe line breaks");

        ReadResult.Invalid invalid = (ReadResult.Invalid) reader.read(tree);

        assertThat(invalid.fields()).containsExactlyInAnyOrder("resource.comment.author.uniqueName",
                "resource.comment.author.displayName", "resource.pullRequest.sourceRefName",
                "resource.pullRequest.repository.name", "resource.pullRequest.repository.project.name");
        assertThat(invalid.detail()).contains("(control characters are not allowed in ");
    }

    @Test
    void aCommentMayHoldLineBreaksAndAnOrganizationUrlWithAnEncodedControlNamesNone() {
        ObjectNode tree = Fixtures.tree(Fixtures.EDIT_COMMAND);
        ((ObjectNode) tree.path("resource").path("comment")).put("content", "/edit one\r\ntwo\n\tthree");
        ((ObjectNode) tree.path("resourceContainers").path("collection")).put("baseUrl",
                "https://dev.azure.com/evil%0Aorg/");
        CommentEvent event = event(tree);
        assertThat(event.content()).isEqualTo("/edit one\r\ntwo\n\tthree");
        assertThat(event.repository().organization()).isEqualTo("contoso");
    }

    @Test
    void envelopeFieldsAreRequired() {
        ObjectNode tree = Fixtures.tree(Fixtures.EDIT_COMMAND);
        tree.remove("eventType");
        tree.remove("resourceVersion");
        assertThat(((ReadResult.Invalid) reader.read(tree)).fields()).containsExactly("eventType", "resourceVersion");
    }

    @Test
    void ignoresOtherEventsVersionsAndPublishers() {
        ObjectNode other = Fixtures.tree(Fixtures.EDIT_COMMAND);
        other.put("eventType", "git.pullrequest.created");
        assertThat(reader.read(other)).isEqualTo(new ReadResult.Ignored("git.pullrequest.created",
                "unsupported-event-type"));
        ObjectNode version = Fixtures.tree(Fixtures.EDIT_COMMAND);
        version.put("resourceVersion", "1.0");
        assertThat(((ReadResult.Ignored) reader.read(version)).reason()).isEqualTo("unsupported-resource-version");
        ObjectNode publisher = Fixtures.tree(Fixtures.EDIT_COMMAND);
        publisher.put("publisherId", "someone-else");
        assertThat(((ReadResult.Ignored) reader.read(publisher)).reason()).isEqualTo("unsupported-publisher");
    }

    @Test
    void aDeletedCommentNeedsNoContent() {
        ObjectNode tree = Fixtures.tree(Fixtures.EDIT_COMMAND);
        ((ObjectNode) tree.path("resource").path("comment")).put("isDeleted", true);
        ((ObjectNode) tree.path("resource").path("comment")).remove("content");
        assertThat(event(tree).deleted()).isTrue();
    }

    @Test
    void acceptsNumericStringsForIds() {
        ObjectNode tree = Fixtures.tree(Fixtures.EDIT_COMMAND);
        ((ObjectNode) tree.path("resource").path("comment")).put("id", "7");
        assertThat(event(tree).commentId()).isEqualTo(7);
    }

    @Test
    void refusesANonObjectBody() {
        assertThat(reader.read(JsonMapper.builder().build().readTree("[1,2]"))).isInstanceOf(ReadResult.Invalid.class);
    }

    @Test
    void theOrganizationComesFromEachUrlForm() {
        assertThat(event(Fixtures.capturedFrom("https://dev.azure.com/fabrikam-demo/")).repository().organization())
                .isEqualTo("fabrikam-demo");
        assertThat(event(Fixtures.capturedFrom("https://fabrikam-demo.visualstudio.com/DefaultCollection/"))
                .repository().organization()).isEqualTo("fabrikam-demo");
        assertThat(event(Fixtures.capturedFrom("https://fabrikam-demo.visualstudio.com/")).repository()
                .organization()).isEqualTo("fabrikam-demo");
        assertThat(event(Fixtures.capturedFrom("https://ado.contoso.local/tfs/DefaultCollection/")).repository()
                .organization()).isEqualTo("DefaultCollection");
        assertThat(event(Fixtures.capturedFrom("https://ado.contoso.local/Sales%20Collection/")).repository()
                .organization()).isEqualTo("Sales Collection");
    }

    @Test
    void aCommentHasOneIdempotencyKeyWhateverTheUrlFormAndSpellingOfItsOrganization() {
        String modern = key(event(Fixtures.capturedFrom("https://dev.azure.com/Fabrikam-Demo/")));
        String classic = key(event(Fixtures.capturedFrom("https://fabrikam-demo.visualstudio.com/DefaultCollection/")));
        assertThat(modern).isEqualTo(classic)
                .isEqualTo("azure-devops:fabrikam-demo/DemoProject/DemoProject/pr/3/thread/318/comment/1");
    }

    @Test
    void readsMicrosoftsSampleWhichHasNoBaseUrlFromItsResourceUrls() {
        CommentEvent event = event(Fixtures.tree(Fixtures.MICROSOFT_SAMPLE));
        assertThat(event.repository()).isEqualTo(new RepositoryRef("azure-devops", "fabrikam", "Fabrikam",
                "Fabrikam", "c2c2c2c2-dddd-eeee-ffff-a3a3a3a3a3a3"));
        assertThat(event.pullRequestId()).isEqualTo(1);
        assertThat(event.threadId()).isEqualTo(5);
        assertThat(event.commentId()).isEqualTo(2);
        assertThat(event.parentCommentId()).isEqualTo(1);
        assertThat(event.content()).isEqualTo("This is my comment.");
        assertThat(event.edited()).isTrue();
    }

    @Test
    void eachResourceUrlNamesTheOrganizationWhenThereIsNoBaseUrl() {
        ObjectNode onlyComment = Fixtures.capturedFrom("https://ado.contoso.local/tfs/DefaultCollection/");
        onlyComment.remove("resourceContainers");
        ObjectNode pullRequest = (ObjectNode) onlyComment.path("resource").path("pullRequest");
        pullRequest.remove("url");
        assertThat(event(onlyComment).repository().organization()).isEqualTo("DefaultCollection");
        ((ObjectNode) onlyComment.path("resource").path("comment").path("_links")).remove("self");
        assertThat(event(onlyComment).repository().organization()).isEqualTo("DefaultCollection");
        ((ObjectNode) pullRequest.path("repository")).remove("url");
        assertThat(reader.read(onlyComment)).isInstanceOf(ReadResult.Invalid.class);
    }

    @Test
    void theConfiguredOrganizationNamesADeliveryWithoutOneAndSpellsAMatchingOne() {
        AdoDeliveryReader configured = new AdoDeliveryReader(" Fabrikam-Demo ");
        ObjectNode anonymous = withoutOrganizationUrls(Fixtures.tree(Fixtures.CAPTURED));
        assertThat(organizationRead(configured, anonymous)).isEqualTo("Fabrikam-Demo");
        assertThat(organizationRead(configured, Fixtures.tree(Fixtures.CAPTURED))).isEqualTo("Fabrikam-Demo");
        // Another organization is read as it is; the gateway's scope refuses it.
        assertThat(organizationRead(configured, Fixtures.capturedFrom("https://dev.azure.com/contoso/")))
                .isEqualTo("contoso");
    }

    /** The delivery without any URL that names its organization. */
    private static ObjectNode withoutOrganizationUrls(ObjectNode tree) {
        tree.remove("resourceContainers");
        ((ObjectNode) tree.path("resource").path("pullRequest")).remove("url");
        ((ObjectNode) tree.path("resource").path("pullRequest").path("repository")).remove("url");
        ((ObjectNode) tree.path("resource").path("comment").path("_links")).remove("self");
        return tree;
    }

    private static String organizationRead(AdoDeliveryReader reader, ObjectNode tree) {
        ReadResult result = reader.read(tree);
        assertThat(result).isInstanceOf(ReadResult.Event.class);
        return ((ReadResult.Event) result).event().repository().organization();
    }

    private static String key(CommentEvent event) {
        return StartJobRequest.keyOf(event.repository(), event.pullRequestId(), event.threadId(), event.commentId());
    }

    private CommentEvent event(ObjectNode tree) {
        ReadResult result = reader.read(tree);
        assertThat(result).isInstanceOf(ReadResult.Event.class);
        return ((ReadResult.Event) result).event();
    }
}
