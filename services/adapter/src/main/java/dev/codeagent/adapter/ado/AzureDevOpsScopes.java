package dev.codeagent.adapter.ado;

/**
 * Azure DevOps OAuth scopes (also the PAT scopes) each operation needs, named in permission errors so an
 * operator knows exactly what to grant.
 */
public final class AzureDevOpsScopes {

    /** Read and write code, refs, pushes and pull requests ("Code: Read &amp; write"). */
    public static final String CODE_WRITE = "vso.code_write";
    /** Pull request statuses ("Code: Status"). */
    public static final String CODE_STATUS = "vso.code_status";
    /** Pull request threads and comments ("Pull Request Threads: Read &amp; write"). */
    public static final String THREADS_FULL = "vso.threads_full";
    /** Identities and their group memberships, read to decide who may trigger the agent ("Identity: Read"). */
    public static final String IDENTITY_READ = "vso.identity";
    /** Pipelines, their runs and builds, read ("Build: Read"; included in {@link #BUILD_EXECUTE}). */
    public static final String BUILD_READ = "vso.build";
    /** Queueing pipeline runs ("Build: Read &amp; execute"). */
    public static final String BUILD_EXECUTE = "vso.build_execute";
    /** Test runs and results, read ("Test Management: Read"). */
    public static final String TEST_READ = "vso.test";
    /** Resource id of Azure DevOps in Microsoft Entra ID; tokens are requested for this scope. */
    public static final String ENTRA_SCOPE = "499b84ac-1321-427f-aa17-267ca6975798/.default";

    private AzureDevOpsScopes() {
    }
}
