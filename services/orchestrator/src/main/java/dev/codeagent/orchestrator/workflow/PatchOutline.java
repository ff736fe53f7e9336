package dev.codeagent.orchestrator.workflow;

/** The parts of a generated patch that commit messages and descriptions mention. */
record PatchOutline(String strategy, String approach, String provider, String model, boolean offline) {
}
