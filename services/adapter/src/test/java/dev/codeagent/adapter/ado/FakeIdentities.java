package dev.codeagent.adapter.ado;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identities of one Azure DevOps organization, served by WireMock in the shapes of Identities - Read Identities
 * (IMS 7.1): {@code {"count","value":[Identity]}} with {@code descriptor} and {@code memberOf} as descriptor text
 * ({@code Microsoft.TeamFoundation.Identity;S-1-9-…}), {@code subjectDescriptor}, {@code providerDisplayName},
 * {@code isContainer} for groups and {@code properties.Account}. Memberships are held as direct edges and answered
 * as the query asks: {@code queryMembership=Direct} gives the direct groups, {@code Expanded} every group reached
 * through nested groups, {@code None} none. A general search returns every group whose name contains the value, as
 * the real search also returns near names; an unknown id reads as a null entry.
 */
public final class FakeIdentities {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String path;
    private final Map<String, Member> groups = new LinkedHashMap<>();
    private final Map<String, Member> users = new LinkedHashMap<>();
    private int sids = 1000;

    /** {@code root}: the path up to the organization ({@code /contoso}, or {@code /vssps/contoso}). */
    public FakeIdentities(String root) {
        this.path = root + "/_apis/identities";
    }

    public String path() {
        return path;
    }

    /** A group such as {@code [Web Shop]\Contributors}, member of {@code parents}. */
    public FakeIdentities group(String name, String... parents) {
        String sid = "S-1-9-1551374245-1204400969-2402986413-2179408616-3-" + (sids++);
        String id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
        groups.put(key(name), new Member(id, name,
                "Microsoft.TeamFoundation.Identity;" + sid, "vssgp." + sid, name.substring(name.indexOf('\\') + 1),
                List.of(parents)));
        return this;
    }

    /** A user with its Azure DevOps identity id, direct member of {@code groups}. */
    public FakeIdentities user(String id, String uniqueName, String displayName, String... groups) {
        users.put(id, new Member(id, displayName, "Microsoft.IdentityModel.Claims.ClaimsIdentity;"
                + "72f988bf-86f1-41af-91ab-2d7cd011db47\\" + uniqueName, "aad." + id.replace("-", ""), uniqueName,
                List.of(groups)));
        return this;
    }

    /** Registers the answers of this organization's identities with {@code ado} (a WireMock server or extension). */
    public void serve(Stubbing ado) {
        for (Member user : users.values()) {
            for (String membership : List.of("None", "Direct", "Expanded")) {
                ado.stubFor(get(urlPathEqualTo(path)).withQueryParam("identityIds", equalTo(user.id()))
                        .withQueryParam("queryMembership", equalTo(membership))
                        .withQueryParam("api-version", equalTo("7.1"))
                        .willReturn(okJson(list(List.of(identity(user, false, memberOf(user, membership)))))));
            }
        }
        ado.stubFor(get(urlPathEqualTo(path)).atPriority(10).withQueryParam("identityIds", equalTo(UNKNOWN_ID))
                .willReturn(okJson("{\"count\":1,\"value\":[null]}")));
        for (Member group : groups.values()) {
            String needle = group.name();
            List<Object> found = new ArrayList<>();
            for (Member candidate : groups.values()) {
                if (key(candidate.name()).contains(key(needle))) {
                    found.add(identity(candidate, true, List.of()));
                }
            }
            ado.stubFor(get(urlPathEqualTo(path)).withQueryParam("searchFilter", equalTo("General"))
                    .withQueryParam("filterValue", equalTo(needle))
                    .withQueryParam("queryMembership", equalTo("None"))
                    .withQueryParam("api-version", equalTo("7.1"))
                    .willReturn(okJson(list(found))));
        }
        ado.stubFor(get(urlPathEqualTo(path)).atPriority(10).withQueryParam("searchFilter", equalTo("General"))
                .willReturn(okJson("{\"count\":0,\"value\":[]}")));
    }

    /** An identity id Azure DevOps does not know. */
    public static final String UNKNOWN_ID = "00000000-0000-0000-0000-00000000dead";

    private List<String> memberOf(Member member, String membership) {
        if (membership.equals("None")) {
            return List.of();
        }
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(member.parents());
        while (!next.isEmpty()) {
            Member group = groups.get(key(next.pop()));
            if (group != null && reached.add(group.descriptor()) && membership.equals("Expanded")) {
                next.addAll(group.parents());
            }
        }
        return List.copyOf(reached);
    }

    private static Map<String, Object> identity(Member member, boolean group, List<String> memberOf) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("id", member.id());
        identity.put("descriptor", member.descriptor());
        identity.put("subjectDescriptor", member.subjectDescriptor());
        identity.put("providerDisplayName", member.name());
        identity.put("isActive", true);
        if (group) {
            identity.put("isContainer", true);
        }
        identity.put("members", List.of());
        identity.put("memberOf", memberOf);
        identity.put("memberIds", List.of());
        identity.put("properties", Map.of(
                "SchemaClassName", Map.of("$type", "System.String", "$value", group ? "Group" : "User"),
                "Account", Map.of("$type", "System.String", "$value", member.account())));
        identity.put("resourceVersion", 2);
        identity.put("metaTypeId", group ? 255 : 0);
        return identity;
    }

    private static String list(List<Object> values) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("count", values.size());
        list.put("value", values);
        return JSON.writeValueAsString(list);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private record Member(String id, String name, String descriptor, String subjectDescriptor, String account,
            List<String> parents) {
    }
}
