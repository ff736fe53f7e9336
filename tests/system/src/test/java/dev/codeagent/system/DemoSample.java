package dev.codeagent.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The demo's sample repository, {@code bin/demo/sample} of the checkout, as {@code bin/codeagent demo} pushes it: a
 * small login handler, its tests and the {@code .codeagent.yml} that builds it with {@code javac} and runs the tests
 * with the {@code java} launcher (JUnit XML), so a test of the checks runs the very checks the demo shows.
 */
final class DemoSample {

    static final String HANDLER_PATH = "src/main/java/com/example/auth/LoginHandler.java";
    static final String TEST_CLASS = "com.example.auth.AuthenticationTest";

    private DemoSample() {
    }

    /** Path (with {@code /}) → content of every file of the sample. */
    static Map<String, String> files(Path root) throws IOException {
        Path dir = root.resolve("bin/demo/sample");
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        return files;
    }
}
