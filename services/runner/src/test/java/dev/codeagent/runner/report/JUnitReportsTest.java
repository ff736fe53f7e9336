package dev.codeagent.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.check.TestCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JUnitReportsTest {

    @TempDir
    Path tree;

    @Test
    void countsEveryTestCaseAndNamesTheFailingOnes() throws Exception {
        Path reports = Files.createDirectories(tree.resolve("core/target/surefire-reports"));
        Files.writeString(reports.resolve("TEST-dev.LoginTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="dev.LoginTest" tests="4" failures="1" errors="1" skipped="1">
                  <testcase classname="dev.LoginTest" name="acceptsValidUser" time="0.01"/>
                  <testcase classname="dev.LoginTest" name="rejectsEmpty" time="0.01">
                    <failure message="expected: &lt;false&gt; but was: &lt;true&gt;&#10;second line" type="AssertionFailedError">stack</failure>
                  </testcase>
                  <testcase classname="dev.LoginTest" name="crashes"><error type="NullPointerException"/></testcase>
                  <testcase classname="dev.LoginTest" name="later"><skipped/></testcase>
                </testsuite>
                """);
        Files.writeString(reports.resolve("TEST-dev.Other.xml"), """
                <testsuites><testsuite name="x"><testcase classname="dev.Other" name="ok"/></testsuite></testsuites>
                """);
        Files.writeString(reports.resolve("TEST-broken.xml"), "<testsuite><testcase name=");

        JUnitReports.Result result = JUnitReports.read(tree, List.of("**/target/surefire-reports/TEST-*.xml"));

        assertThat(result.counts()).isEqualTo(new TestCounts(2, 2, 1));
        assertThat(result.failing()).containsExactly("dev.LoginTest.rejectsEmpty: expected: <false> but was: <true>",
                "dev.LoginTest.crashes");
    }

    @Test
    void noMatchingReportMeansNoCounts() {
        assertThat(JUnitReports.read(tree, List.of("**/*.xml")).counts()).isNull();
        assertThat(JUnitReports.read(tree, List.of()).counts()).isNull();
    }

    @Test
    void externalEntitiesAreNotResolved() throws Exception {
        Files.writeString(tree.resolve("report.xml"), """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <testsuite><testcase name="t"><failure message="&secret;"/></testcase></testsuite>
                """);

        JUnitReports.Result result = JUnitReports.read(tree, List.of("*.xml"));

        assertThat(String.join("", result.failing())).doesNotContain("root:");
    }
}
