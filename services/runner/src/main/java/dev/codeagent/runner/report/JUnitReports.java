package dev.codeagent.runner.report;

import dev.codeagent.contracts.check.TestCounts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Test results from the JUnit XML reports a check wrote (Surefire, Gradle, pytest, jest-junit all write this
 * format): counts and up to {@value #MAX_FAILING} failing tests as {@code Class.method: first line of the message}.
 * The reports are read as a stream with DTDs and external entities off, since the check's code wrote them.
 */
public final class JUnitReports {

    public static final int MAX_FAILING = 20;
    private static final int MAX_FILES = 5000;
    private static final int MAX_MESSAGE = 200;

    /** What the reports say; {@code counts} is null when no report matched. */
    public record Result(TestCounts counts, List<String> failing) {
    }

    private JUnitReports() {
    }

    public static Result read(Path tree, List<String> globs) {
        if (globs.isEmpty()) {
            return new Result(null, List.of());
        }
        List<Path> reports = find(tree, globs);
        if (reports.isEmpty()) {
            return new Result(null, List.of());
        }
        Tally tally = new Tally();
        for (Path report : reports) {
            try (InputStream in = Files.newInputStream(report)) {
                tally.read(in);
            } catch (IOException | XMLStreamException e) {
                // A half-written report (the check was killed) says nothing reliable; the others still count.
            }
        }
        return new Result(new TestCounts(tally.passed, tally.failed, tally.skipped), List.copyOf(tally.failing));
    }

    private static List<Path> find(Path tree, List<String> globs) {
        List<PathMatcher> matchers = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Path relative = tree.relativize(file);
                    // "**/" in a glob needs at least one folder; it matches at the root too, as in other tools.
                    Path nested = Path.of("_").resolve(relative);
                    if (attrs.isRegularFile() && matchers.stream().anyMatch(m -> m.matches(relative)
                            || m.matches(nested))) {
                        found.add(file);
                    }
                    return found.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        found.sort(null);
        return found;
    }

    /** Counts over every {@code testcase} element, whatever the suites around them say. */
    private static final class Tally {

        private static final XMLInputFactory FACTORY = factory();

        int passed;
        int failed;
        int skipped;
        final List<String> failing = new ArrayList<>();

        void read(InputStream in) throws XMLStreamException {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(in);
            try {
                String testCase = null;
                String outcome = null;
                String message = null;
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        String element = xml.getLocalName();
                        if (element.equals("testcase")) {
                            String className = xml.getAttributeValue(null, "classname");
                            String name = xml.getAttributeValue(null, "name");
                            testCase = className == null || className.isEmpty() ? name : className + "." + name;
                            outcome = "passed";
                            message = null;
                        } else if (testCase != null && (element.equals("failure") || element.equals("error"))) {
                            outcome = "failed";
                            message = xml.getAttributeValue(null, "message");
                        } else if (testCase != null && element.equals("skipped")) {
                            outcome = "skipped";
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("testcase")) {
                        count(testCase, outcome, message);
                        testCase = null;
                    }
                }
            } finally {
                xml.close();
            }
        }

        private void count(String testCase, String outcome, String message) {
            switch (outcome) {
                case "failed" -> {
                    failed++;
                    if (failing.size() < MAX_FAILING) {
                        failing.add(message == null || message.isBlank() ? testCase
                                : testCase + ": " + firstLine(message));
                    }
                }
                case "skipped" -> skipped++;
                default -> passed++;
            }
        }

        private static String firstLine(String message) {
            String line = message.strip().lines().findFirst().orElse("");
            return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
        }

        private static XMLInputFactory factory() {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            return factory;
        }
    }
}
