package dev.codeagent.llmpatch.web;

import dev.codeagent.contracts.ProblemTypes;
import dev.codeagent.contracts.patch.ApplyRequest;
import dev.codeagent.llmpatch.engine.PathPolicy;
import dev.codeagent.platform.web.ApiProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The 400 checks of {@code POST /api/patches/apply} that bean validation cannot express. */
final class ApplyRequestValidator {

    // Input files may be CI files (the repository has them); only writing them is refused, by the engine.
    private final PathPolicy structural = new PathPolicy(List.of(), List.of());
    private final long maxFileBytes;
    private final long maxEditsBytes;
    private final int maxFiles;

    ApplyRequestValidator(long maxFileBytes, long maxEditsBytes, int maxFiles) {
        this.maxFileBytes = maxFileBytes;
        this.maxEditsBytes = maxEditsBytes;
        this.maxFiles = maxFiles;
    }

    void validate(ApplyRequest request) {
        if (request.edits().getBytes(StandardCharsets.UTF_8).length > maxEditsBytes) {
            throw bad("edits: larger than the limit of " + maxEditsBytes + " bytes");
        }
        if (request.files().size() > maxFiles) {
            throw bad("files: more than " + maxFiles + " files");
        }
        for (Map.Entry<String, String> e : request.files().entrySet()) {
            PathPolicy.Verdict verdict = structural.check(e.getKey());
            if (!verdict.allowed()) {
                throw bad("files: invalid path '" + e.getKey() + "': " + verdict.violation());
            }
            if (e.getValue() == null) {
                throw bad("files: content of '" + e.getKey() + "' is null");
            }
            if (e.getValue().getBytes(StandardCharsets.UTF_8).length > maxFileBytes) {
                throw bad("files: '" + e.getKey() + "' is larger than the limit of " + maxFileBytes + " bytes");
            }
        }
    }

    private static ApiProblemException bad(String detail) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Invalid request", detail);
    }
}
