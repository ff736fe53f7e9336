package dev.codeagent.deployment.compose;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the first directory at or above the working directory with docker-compose.yml. */
public final class RepositoryRoot {

    private RepositoryRoot() {
    }

    public static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
