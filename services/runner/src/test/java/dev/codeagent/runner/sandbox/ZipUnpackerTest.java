package dev.codeagent.runner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.codeagent.runner.TestZips;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipUnpackerTest {

    @TempDir
    Path dir;

    @Test
    void unpacksFilesModesAndInsideLinks() throws Exception {
        Path zip = TestZips.write(dir.resolve("t.zip"), Map.of("mvnw", "#!/bin/sh\n", "src/App.java", "class App {}"),
                Map.of("mvnw", 0100755), Map.of("current", "src", "escape", "../../etc"));
        Path tree = Files.createDirectory(dir.resolve("tree"));

        new ZipUnpacker(1000, 10).unpack(zip, tree);

        assertThat(tree.resolve("src/App.java")).hasContent("class App {}");
        assertThat(Files.isExecutable(tree.resolve("mvnw"))).isTrue();
        assertThat(Files.isExecutable(tree.resolve("src/App.java"))).isFalse();
        assertThat(Files.isSymbolicLink(tree.resolve("current"))).isTrue();
        assertThat(tree.resolve("escape")).doesNotExist();
    }

    @Test
    void refusesEntriesOutsideTheTree() throws Exception {
        Path zip = TestZips.write(dir.resolve("slip.zip"), Map.of("../evil.sh", "boom"), Map.of(), Map.of());
        Path tree = Files.createDirectory(dir.resolve("tree"));

        assertThatThrownBy(() -> new ZipUnpacker(1000, 10).unpack(zip, tree))
                .isInstanceOf(ZipUnpacker.UnsafeArchive.class).hasMessageContaining("outside the tree");
        assertThat(dir.resolve("evil.sh")).doesNotExist();
    }

    @Test
    void refusesTreesBeyondTheLimits() throws Exception {
        Path zip = TestZips.write(dir.resolve("big.zip"), Map.of("a", "x".repeat(600), "b", "y".repeat(600)),
                Map.of(), Map.of());

        assertThatThrownBy(() -> new ZipUnpacker(1000, 10).unpack(zip, Files.createDirectory(dir.resolve("t1"))))
                .hasMessageContaining("exceeds 1000 bytes");
        assertThatThrownBy(() -> new ZipUnpacker(10_000, 1).unpack(zip, Files.createDirectory(dir.resolve("t2"))))
                .hasMessageContaining("more than 1 files");
    }
}
