package dev.codeagent.llmpatch.web;

import dev.codeagent.contracts.patch.ApplyRequest;
import dev.codeagent.contracts.patch.ApplyResponse;
import dev.codeagent.contracts.patch.EditFormat;
import dev.codeagent.contracts.patch.PatchRequest;
import dev.codeagent.contracts.patch.PatchResponse;
import dev.codeagent.llmpatch.config.LlmPatchProperties;
import dev.codeagent.llmpatch.engine.EngineResult;
import dev.codeagent.llmpatch.engine.PatchEngine;
import dev.codeagent.llmpatch.patch.PatchService;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/patches} (a variant through the model chain) and {@code POST /api/patches/apply} (engine only). */
@RestController
@RequestMapping("/api/patches")
public class PatchController {

    private final PatchService patches;
    private final PatchEngine engine;
    private final ApplyRequestValidator validator;

    public PatchController(PatchService patches, PatchEngine engine, LlmPatchProperties props) {
        this.patches = patches;
        this.engine = engine;
        this.validator = new ApplyRequestValidator(props.patch().maxFileSize().toBytes(),
                props.patch().maxEditsSize().toBytes(), props.patch().maxFiles());
    }

    @PostMapping
    public PatchResponse generate(@Valid @RequestBody PatchRequest request) {
        return patches.generate(request);
    }

    @PostMapping("/apply")
    public ApplyResponse apply(@Valid @RequestBody ApplyRequest request) {
        validator.validate(request);
        EditFormat format = request.format() == null ? EditFormat.AUTO : request.format();
        EngineResult result = engine.apply(request.files(), request.edits(), format);
        Map<String, String> files = new LinkedHashMap<>();
        result.changed().forEach((path, content) -> {
            if (content != null) {
                files.put(path, content);
            }
        });
        return new ApplyResponse(files, result.results());
    }
}
