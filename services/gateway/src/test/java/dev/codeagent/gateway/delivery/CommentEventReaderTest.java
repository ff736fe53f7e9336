package dev.codeagent.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CommentEventReaderTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CommentEventReader reader = new CommentEventReader();

    @Test
    void readsTheDocumentedShape() {
        ReadResult result = reader.read(json.readTree("""
                {"provider":"local","organization":"local","project":"local","repository":"demo",
                 "pullRequestId":1,"threadId":2,"commentId":3,"author":{"id":"u1","name":"Dana"},
                 "content":"/edit /2 x","eventId":"evt-1"}"""));
        CommentEvent event = ((ReadResult.Event) result).event();
        assertThat(event.repository().slug()).isEqualTo("local/local/demo");
        assertThat(event.threadId()).isEqualTo(2);
        assertThat(event.author().uniqueName()).isEqualTo("Dana");
        assertThat(event.author().displayName()).isEqualTo("Dana");
        assertThat(event.deliveryId()).isEqualTo("evt-1");
    }

    @Test
    void namesMissingFieldsAndRefusesUnknownProviders() {
        ReadResult result = reader.read(json.readTree("""
                {"provider":"github","organization":"","project":"p","repository":"r",
                 "pullRequestId":"x","threadId":2,"author":{},"content":"hi"}"""));
        assertThat(((ReadResult.Invalid) result).fields()).containsExactly("provider", "organization",
                "pullRequestId", "commentId", "author.id");
        assertThat(((ReadResult.Invalid) result).detail()).contains("provider must be 'local' or 'azure-devops'");
    }

    @Test
    void refusesNamesWithControlCharactersButNotCommentsWithLineBreaks() {
        ReadResult refused = reader.read(json.readTree("""
                {"provider":"local","organization":"local","project":"local","repository":"demo\\u2028x",
                 "pullRequestId":1,"threadId":2,"commentId":3,"author":{"id":"u1","name":"Dana\\nINFO forged"},
                 "sourceRef":"refs/heads/a\\u001Bb","content":"/edit fix it"}"""));
        assertThat(((ReadResult.Invalid) refused).fields()).containsExactly("repository", "author.name", "sourceRef");
        assertThat(((ReadResult.Invalid) refused).detail()).isEqualTo("Missing or invalid fields: repository, "
                + "author.name, sourceRef (control characters are not allowed in repository, author.name, sourceRef)");

        ReadResult accepted = reader.read(json.readTree("""
                {"provider":"local","organization":"local","project":"local","repository":"demo",
                 "pullRequestId":1,"threadId":2,"commentId":3,"author":{"id":"u1","name":"Dana"},
                 "content":"/edit fix it\\r\\n\\r\\nand keep\\tthe tests"}"""));
        assertThat(((ReadResult.Event) accepted).event().content()).isEqualTo("/edit fix it\r\n\r\nand keep\tthe tests");
    }

    @Test
    void refusesAbsurdlyLongNames() {
        ReadResult result = reader.read(json.readTree("{\"provider\":\"local\",\"organization\":\"local\","
                + "\"project\":\"local\",\"repository\":\"" + "r".repeat(129) + "\",\"pullRequestId\":1,"
                + "\"threadId\":1,\"commentId\":1,\"author\":{\"id\":\"a\"},\"content\":\"/help\"}"));
        assertThat(((ReadResult.Invalid) result).fields()).containsExactly("repository");
    }
}
