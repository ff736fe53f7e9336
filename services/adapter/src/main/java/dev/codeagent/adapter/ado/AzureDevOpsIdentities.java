package dev.codeagent.adapter.ado;

import static dev.codeagent.adapter.ado.AzureDevOpsAnswers.text;

import dev.codeagent.adapter.provider.RepositoryCoordinates;
import dev.codeagent.contracts.command.Author;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Group membership on Azure DevOps through the Identities API (Identities - Read Identities, api-version 7.1), which
 * decides who may trigger the agent. The author is read by id with {@code queryMembership=Expanded}: its
 * {@code memberOf} then lists the descriptors of every group it belongs to, directly or through nested groups. Each
 * allowed group is found by its full name ({@code [Web Shop]\Contributors}, {@code searchFilter=General}); the author
 * is a member when the group's {@code descriptor} is among them. Descriptors are compared without regard to case,
 * as Azure DevOps compares them.
 */
class AzureDevOpsIdentities {

    /** Where the identities of an Azure DevOps Services organization live. */
    static final String SERVICES_IDENTITY_BASE_URL = "https://vssps.dev.azure.com";
    private static final Logger log = LoggerFactory.getLogger(AzureDevOpsIdentities.class);
    private static final String PATH = "/_apis/identities";

    private final AzureDevOpsProperties properties;
    private final AzureDevOpsIdentityProperties identity;
    private final AzureDevOpsClient client;

    AzureDevOpsIdentities(AzureDevOpsProperties properties, AzureDevOpsIdentityProperties identity,
            AzureDevOpsClient client) {
        this.properties = properties;
        this.identity = identity;
        this.client = client;
    }

    /** The first of {@code groups} the author belongs to; empty when none, or when Azure DevOps knows no such one. */
    Optional<String> groupOf(RepositoryCoordinates repo, Author author, List<String> groups) {
        if (author == null || author.id() == null || author.id().isBlank() || groups.isEmpty()) {
            return Optional.empty();
        }
        Optional<JsonNode> member = author(repo, author);
        if (member.isEmpty()) {
            log.info("Azure DevOps knows no identity {} in {}", author.id(), repo.organization());
            return Optional.empty();
        }
        Set<String> memberOf = new HashSet<>();
        for (JsonNode group : member.get().path("memberOf")) {
            descriptor(group).ifPresent(memberOf::add);
        }
        for (String group : groups) {
            if (groupDescriptor(repo, group).filter(memberOf::contains).isPresent()) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code {identity host}/{organization}}, the root of the organization's identity APIs: the configured identity
     * host, else {@code vssps.dev.azure.com} for Azure DevOps Services, else (a Server) the base URL with the
     * collection. The one place that knows it, to follow the URL forms of {@code CODEAGENT_ADO_BASE_URL}.
     */
    String organizationUrl(String organization) {
        String base = identity.baseUrl() != null ? identity.baseUrl()
                : isServices(properties.baseUrl()) ? SERVICES_IDENTITY_BASE_URL : properties.baseUrl();
        return base + "/" + AzureDevOpsClient.segment(organization);
    }

    private Optional<JsonNode> author(RepositoryCoordinates repo, Author author) {
        JsonNode answer = client.json(repo, identities(repo.organization(), "identityIds", author.id(),
                "queryMembership", "Expanded"), AzureDevOpsCall.get(PATH, "read the group memberships of "
                + who(author), AzureDevOpsScopes.IDENTITY_READ));
        // An id that resolves to nothing comes back as a null entry.
        for (JsonNode found : answer.path("value")) {
            if (found.isObject() && author.id().equalsIgnoreCase(text(found, "id"))) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /** The group's descriptor; empty (and a warning) when the organization has no group of that exact name. */
    private Optional<String> groupDescriptor(RepositoryCoordinates repo, String group) {
        JsonNode answer = client.json(repo, identities(repo.organization(), "searchFilter", "General", "filterValue",
                group, "queryMembership", "None"), AzureDevOpsCall.get(PATH, "find the group " + group,
                AzureDevOpsScopes.IDENTITY_READ));
        // A general search also finds near names; only the group of exactly this name counts.
        for (JsonNode found : answer.path("value")) {
            if (found.path("isContainer").asBoolean(false)
                    && group.equalsIgnoreCase(text(found, "providerDisplayName"))) {
                return descriptor(found.path("descriptor"));
            }
        }
        log.warn("Azure DevOps has no group named {} in {}: nobody may trigger the agent through it", group,
                repo.organization());
        return Optional.empty();
    }

    private URI identities(String organization, String... query) {
        StringBuilder url = new StringBuilder(organizationUrl(organization)).append(PATH).append('?');
        for (int i = 0; i < query.length; i += 2) {
            url.append(query[i]).append('=').append(AzureDevOpsClient.encode(query[i + 1])).append('&');
        }
        return URI.create(url.append("api-version=").append(AzureDevOpsClient.API_VERSION).toString());
    }

    /** {@code type;identifier} in lower case; Azure DevOps writes descriptors as such text (or as an object). */
    private static Optional<String> descriptor(JsonNode node) {
        String value = node.isString() ? node.asString()
                : node.isObject() && text(node, "identityType") != null && text(node, "identifier") != null
                        ? text(node, "identityType") + ";" + text(node, "identifier") : null;
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.toLowerCase(Locale.ROOT));
    }

    private static boolean isServices(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return host.equals("dev.azure.com") || host.endsWith(".visualstudio.com");
    }

    private static String who(Author author) {
        return author.uniqueName() != null ? author.uniqueName() : author.id();
    }
}
