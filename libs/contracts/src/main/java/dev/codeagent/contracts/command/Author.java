package dev.codeagent.contracts.command;

/** Who wrote the comment. {@code uniqueName} is the login or e-mail on Azure DevOps. */
public record Author(String id, String uniqueName, String displayName) {
}
