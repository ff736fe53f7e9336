package dev.codeagent.adapter.provider;

/**
 * Where a repository lives on its provider. For the local provider organization and project are
 * {@code local} and {@code repository} is a directory name under the local root.
 */
public record RepositoryCoordinates(String organization, String project, String repository) {

    /** {@code org/project/repository}, for messages and logs. */
    public String slug() {
        return organization + "/" + project + "/" + repository;
    }
}
