package dev.codeagent.adapter.ado;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the fake's Pull Requests - Get Pull Requests behave as the REST 7.1 specification says: "description
 * field will be truncated up to 400 symbols in the result", whatever a test's stub answers. Reading one pull
 * request by id keeps the complete description.
 */
final class PullRequestListTruncation implements ResponseTransformerV2 {

    static final int LISTED_DESCRIPTION = 400;
    private static final Pattern LIST = Pattern.compile("(?i).*/_apis/git/repositories/[^/]+/pullrequests");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String getName() {
        return "pull-request-list-truncation";
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        String url = serveEvent.getRequest().getUrl();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        if (!"GET".equals(serveEvent.getRequest().getMethod().getName()) || !LIST.matcher(path).matches()
                || response.getStatus() != 200) {
            return response;
        }
        JsonNode list = JSON.readTree(response.getBodyAsString());
        for (JsonNode pr : list.path("value")) {
            String description = pr.path("description").asString(null);
            if (description != null && description.length() > LISTED_DESCRIPTION) {
                ((ObjectNode) pr).put("description", description.substring(0, LISTED_DESCRIPTION));
            }
        }
        return Response.Builder.like(response).but().body(JSON.writeValueAsString(list)).build();
    }
}
