package dev.codeagent.adapter.provider;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.platform.web.ApiProblemException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The errors a provider raises, each with the problem type the orchestrator acts on. */
public final class GitProblems {

    private GitProblems() {
    }

    public static ApiProblemException notFound(String detail) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    /** The state moved under the caller; {@code currentCommit} (may be null) is where the ref is now. */
    public static ApiProblemException conflict(String detail, String currentCommit) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (currentCommit != null) {
            properties.put("currentCommit", currentCommit);
        }
        return new ApiProblemException(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, "Conflict", detail, null,
                properties, null);
    }

    /** Completing a pull request would conflict; nothing was changed. */
    public static ApiProblemException mergeConflict(String detail) {
        return new ApiProblemException(HttpStatus.CONFLICT, ProblemTypes.MERGE_CONFLICT, "Merge conflict", detail);
    }

    /** A branch policy blocks completing a pull request; {@code policy} names it when the host said which. */
    public static ApiProblemException policyBlocked(String detail, String policy) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (policy != null) {
            properties.put("policy", policy);
        }
        return new ApiProblemException(HttpStatus.CONFLICT, ProblemTypes.POLICY_BLOCKED, "Blocked by a policy", detail,
                null, properties, null);
    }

    /** A permanent refusal; {@code requiredScope} names the Azure DevOps scope the credential needs. */
    public static ApiProblemException permission(String detail, String requiredScope) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (requiredScope != null) {
            properties.put("requiredScope", requiredScope);
        }
        return new ApiProblemException(HttpStatus.FORBIDDEN, ProblemTypes.PERMISSION, "Permission denied", detail,
                null, properties, null);
    }

    public static ApiProblemException rateLimited(String detail, Duration retryAfter) {
        return new ApiProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Rate limited",
                detail, retryAfter, Map.of(), null);
    }

    public static ApiProblemException unavailable(String detail, Duration retryAfter, Throwable cause) {
        return new ApiProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Unavailable",
                detail, retryAfter, Map.of(), cause);
    }

    /** The request is well-formed but the git host cannot apply it (e.g. adding a file that exists). */
    public static ApiProblemException unprocessable(String detail) {
        return new ApiProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.UNPROCESSABLE,
                "Unprocessable", detail);
    }

    /** What was asked for exceeds a configured size limit; asking again will not help. */
    public static ApiProblemException tooLarge(String detail) {
        return new ApiProblemException(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.UNPROCESSABLE, "Too large",
                detail);
    }

    public static ApiProblemException invalid(String detail) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Bad request", detail);
    }
}
