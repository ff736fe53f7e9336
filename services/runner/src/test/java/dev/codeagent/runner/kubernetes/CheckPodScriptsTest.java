package dev.codeagent.runner.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell the check pod runs, run here with the host's {@code sh} and tools (and BusyBox for the init container,
 * when the host has it): the tree really arrives through the tree endpoint, and the reports really come back
 * through the log.
 */
class CheckPodScriptsTest {

    @TempDir
    Path work;

    @Test
    void theCheckScriptKeepsTheExitCodeAndSendsTheMatchingReportsThroughTheLog() throws Exception {
        Path workspace = Files.createDirectories(work.resolve("workspace"));
        String command = "echo building; mkdir -p mod/target/surefire-reports; "
                + "echo '<testsuite><testcase classname=\"A\" name=\"b\"/></testsuite>'"
                + " > mod/target/surefire-reports/TEST-A.xml; "
                + "echo '<project/>' > pom.xml; exit 3";
        ProcessBuilder builder = new ProcessBuilder("sh", "-c",
                CheckJobs.script(List.of("**/target/surefire-reports/TEST-*.xml")))
                .directory(workspace.toFile()).redirectErrorStream(true);
        builder.environment().put("CODEAGENT_CHECK_COMMAND", command);
        builder.environment().put("CODEAGENT_REPORTS_MARK", "::mark::");
        Process process = builder.start();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ReportBlockFilter filter = new ReportBlockFilter(log, "::mark::", 1 << 20);
        try (InputStream out = process.getInputStream()) {
            out.transferTo(filter);
        }
        filter.flush();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).isEqualTo(3);
        assertThat(log.toString(StandardCharsets.UTF_8)).isEqualTo("building\n");
        Path tree = Files.createDirectories(work.resolve("tree"));
        assertThat(TreeArchive.unpackReports(new ByteArrayInputStream(filter.reports()), tree, 1 << 20)).isEqualTo(1);
        assertThat(tree.resolve("mod/target/surefire-reports/TEST-A.xml")).content().contains("testcase");
        assertThat(tree.resolve("pom.xml")).doesNotExist();
    }

    @Test
    void theInitContainerFetchesAndUnpacksTheTreeOnce() throws Exception {
        Path busybox = Path.of("/usr/bin/busybox");
        assumeTrue(Files.isExecutable(busybox), "BusyBox is not installed here");
        Path bin = Files.createDirectories(work.resolve("bin"));
        for (String applet : List.of("sh", "wget", "tar", "rm", "gzip")) {
            Files.createSymbolicLink(bin.resolve(applet), busybox);
        }
        Path tree = Files.createDirectories(work.resolve("tree"));
        Files.writeString(tree.resolve("mvnw"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tree.resolve("mvnw"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(tree.resolve("src/main"));
        Files.writeString(tree.resolve("src/main/App.java"), "class App {}\n");
        Path archive = work.resolve("tree.tar.gz");
        TreeArchive.pack(tree, archive);
        Path workspace = Files.createDirectories(work.resolve("workspace"));

        try (TreeServer trees = TreeServer.start(0, Clock.systemUTC())) {
            String url = "http://127.0.0.1:" + trees.port() + TreeServer.PATH + trees.offer(archive,
                    Duration.ofMinutes(1));
            assertThat(fetch(bin, workspace, url)).isZero();
            assertThat(workspace.resolve("src/main/App.java")).content().isEqualTo("class App {}\n");
            assertThat(Files.isExecutable(workspace.resolve("mvnw"))).isTrue();
            assertThat(workspace.resolve(".codeagent-tree.tar.gz")).doesNotExist();

            assertThat(fetch(bin, Files.createDirectories(work.resolve("again")), url)).as("one-time token")
                    .isNotZero();
        }
    }

    private static int fetch(Path bin, Path workspace, String url) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(bin.resolve("sh").toString(), "-c",
                CheckJobs.fetchScript(workspace.toString())).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("CODEAGENT_TREE_URL", url);
        Process process = builder.start();
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
