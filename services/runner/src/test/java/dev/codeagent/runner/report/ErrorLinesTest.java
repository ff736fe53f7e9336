package dev.codeagent.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorLinesTest {

    @Test
    void mavenAndJavacErrorsWithoutTheHelpText() {
        assertThat(ErrorLines.of(String.join("\n",
                "[INFO] Compiling 3 source files",
                "[ERROR] COMPILATION ERROR :",
                "[ERROR] /src/main/java/App.java:[12,9] cannot find symbol",
                "[ERROR] /src/main/java/App.java:[12,9] cannot find symbol",
                "App.java:12: error: cannot find symbol",
                "[ERROR] -> [Help 1]",
                "[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.",
                "[ERROR]"))).containsExactly("[ERROR] COMPILATION ERROR :",
                "[ERROR] /src/main/java/App.java:[12,9] cannot find symbol", "App.java:12: error: cannot find symbol");
    }

    @Test
    void javacNamesWhatItCouldNotFindOnTheLinesUnderTheError() {
        assertThat(ErrorLines.of(String.join("\n",
                "src/main/java/com/example/auth/LoginHandler.java:16: error: cannot find symbol",
                "        if (request.userName().isBlank()) {",
                "                   ^",
                "  symbol:   method userName()",
                "  location: variable request of type LoginRequest",
                "src/main/java/com/example/auth/LoginHandler.java:20: error: ';' expected",
                "        return false",
                "                    ^",
                "App.java:3: error: cannot find symbol",
                "class App { Missing m; }",
                "            ^",
                "  symbol: class Missing",
                "3 errors"))).containsExactly(
                "src/main/java/com/example/auth/LoginHandler.java:16: error: cannot find symbol (symbol: method "
                        + "userName(); location: variable request of type LoginRequest)",
                "src/main/java/com/example/auth/LoginHandler.java:20: error: ';' expected",
                "App.java:3: error: cannot find symbol (symbol: class Missing)");
    }

    @Test
    void otherLanguages() {
        assertThat(ErrorLines.of(String.join("\n",
                "src/login.ts(3,5): error TS2322: Type 'string' is not assignable to type 'number'.",
                "./main.go:12:5: undefined: loginUser",
                "--- FAIL: TestLogin (0.00s)",
                "Traceback (most recent call last):",
                "File \"app.py\", line 3, in <module>",
                "ValueError: empty user",
                "FAILED tests/test_login.py::test_empty - AssertionError: assert True is False",
                "npm ERR! code ELIFECYCLE",
                "ok  \texample.com/app\t0.01s"))).containsExactly(
                "src/login.ts(3,5): error TS2322: Type 'string' is not assignable to type 'number'.",
                "./main.go:12:5: undefined: loginUser", "--- FAIL: TestLogin (0.00s)",
                "File \"app.py\", line 3, in <module>", "ValueError: empty user",
                "FAILED tests/test_login.py::test_empty - AssertionError: assert True is False",
                "npm ERR! code ELIFECYCLE");
    }

    @Test
    void keepsAtMostTwenty() {
        assertThat(ErrorLines.of("x.go:1:1: e\n".repeat(1) + "[ERROR] a\n[ERROR] b\n".repeat(1)
                + java.util.stream.IntStream.range(0, 40).mapToObj(i -> "[ERROR] line " + i + "\n")
                        .reduce("", String::concat))).hasSize(ErrorLines.MAX);
    }
}
