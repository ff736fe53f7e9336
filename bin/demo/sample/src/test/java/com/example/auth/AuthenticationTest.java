package com.example.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tests of {@link LoginHandler} that need nothing but a JDK: {@code java -cp <classes> com.example.auth.AuthenticationTest
 * <report folder>} runs every method marked {@link Test}, prints each outcome, writes a JUnit XML report into the
 * folder and exits with 1 when a test failed.
 */
public class AuthenticationTest {

    /** Marks a test method. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Test {
    }

    private final LoginHandler handler = new LoginHandler(
            name -> "alice".equals(name) ? Optional.of(new UserStore.User("alice", "hash:s3cret")) : Optional.empty(),
            (password, hash) -> ("hash:" + password).equals(hash));

    @Test
    void knownUserWithRightPasswordLogsIn() {
        check(handler.login(new LoginRequest("alice", "s3cret")), "alice logs in with her password");
    }

    @Test
    void wrongPasswordIsRejected() {
        check(rejected(new LoginRequest("alice", "guess")), "a wrong password is rejected");
    }

    @Test
    void unknownUserIsRejected() {
        check(rejected(new LoginRequest("mallory", "s3cret")), "an unknown user is rejected");
    }

    @Test
    void blankUsernameIsRejected() {
        check(rejected(new LoginRequest("", "s3cret")), "a blank username is rejected");
    }

    /** Rejected means: not logged in, whether the handler answers false or refuses the request outright. */
    private boolean rejected(LoginRequest request) {
        try {
            return !handler.login(request);
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static void check(boolean condition, String expectation) {
        if (!condition) {
            throw new AssertionError("expected: " + expectation);
        }
    }

    public static void main(String[] args) throws Exception {
        Path reports = Path.of(args.length > 0 ? args[0] : "build/test-reports");
        List<Method> tests = Arrays.stream(AuthenticationTest.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class))
                .sorted(Comparator.comparing(Method::getName))
                .toList();
        String suite = AuthenticationTest.class.getName();
        StringBuilder cases = new StringBuilder();
        int failed = 0;
        long suiteStarted = System.nanoTime();
        for (Method test : tests) {
            long started = System.nanoTime();
            Throwable failure = null;
            try {
                test.invoke(new AuthenticationTest());
            } catch (InvocationTargetException e) {
                failure = e.getCause();
            }
            cases.append("  <testcase classname=\"").append(suite).append("\" name=\"").append(test.getName())
                    .append("\" time=\"").append(seconds(started)).append('"');
            if (failure == null) {
                cases.append("/>\n");
                System.out.println("PASS " + test.getName());
            } else {
                failed++;
                cases.append(">\n    <failure message=\"").append(xml(String.valueOf(failure.getMessage())))
                        .append("\" type=\"").append(failure.getClass().getName()).append("\">")
                        .append(xml(failure.toString())).append("</failure>\n  </testcase>\n");
                System.out.println("FAIL " + test.getName() + ": " + failure);
            }
        }
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("TEST-" + suite + ".xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"" + suite + "\" tests=\"" + tests.size() + "\" failures=\"" + failed
                + "\" errors=\"0\" skipped=\"0\" time=\"" + seconds(suiteStarted) + "\">\n" + cases + "</testsuite>\n");
        System.out.println(tests.size() + " tests, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    private static String seconds(long startedNanos) {
        return String.format(Locale.ROOT, "%.3f", (System.nanoTime() - startedNanos) / 1e9);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
