package dev.codeagent.contracts.pipeline;

/**
 * A pipeline of the repository's project.
 *
 * @param id     the pipeline id (the build definition id of a YAML pipeline)
 * @param name   its name
 * @param folder its folder ({@code \} for the root)
 */
public record PipelineRef(long id, String name, String folder) {
}
