package dev.codeagent.adapter.api;

import dev.codeagent.adapter.local.LocalRepositoryFactory;
import dev.codeagent.adapter.local.LocalRepositoryInfo;
import dev.codeagent.adapter.provider.GitProblems;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Repositories of the local provider: list them, or create one with initial files. */
@RestController
@RequestMapping("/api/repos/local")
public class LocalRepositoryController {

    private final ObjectProvider<LocalRepositoryFactory> factory;

    public LocalRepositoryController(ObjectProvider<LocalRepositoryFactory> factory) {
        this.factory = factory;
    }

    @GetMapping
    public List<LocalRepositoryInfo> list() {
        return local().list();
    }

    @PostMapping
    public ResponseEntity<LocalRepositoryInfo> create(@Valid @RequestBody CreateLocalRepository request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(local().create(request.name(), request.defaultBranch(), request.files()));
    }

    private LocalRepositoryFactory local() {
        LocalRepositoryFactory local = factory.getIfAvailable();
        if (local == null) {
            throw GitProblems.notFound("The local provider is disabled (CODEAGENT_LOCAL_ENABLED=false)");
        }
        return local;
    }
}
