package dev.codeagent.gateway.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommandParserTest {

    private static final String GUID = "@<7F3A2B1C-0D4E-4F5A-8B6C-9D0E1F2A3B4C>";
    private final CommandParser parser = new CommandParser(10, 50);

    static Stream<Arguments> edits() {
        return Stream.of(
                Arguments.of("plain", "/edit Add validation", 1, "Add validation"),
                Arguments.of("count", "/edit /3 Add validation", 3, "Add validation"),
                Arguments.of("GUID mention", GUID + " /edit /3 Add input validation", 3, "Add input validation"),
                Arguments.of("name mention", "@CodeAgent /edit /2 Refactor", 2, "Refactor"),
                Arguments.of("quoted mention", "@\"Code Agent\" /edit Refactor", 1, "Refactor"),
                Arguments.of("several mentions", "@Alice, @<abc-1> @CodeAgent: /edit /4 x", 4, "x"),
                Arguments.of("upper case", "/EDIT /2 Shout", 2, "Shout"),
                Arguments.of("mixed case", "@CodeAgent /Edit go", 1, "go"),
                Arguments.of("leading whitespace", "  \n\t/edit  /5   spaced  ", 5, "spaced"),
                Arguments.of("mention on its own line", "@CodeAgent\n/edit /2 two lines", 2, "two lines"),
                Arguments.of("multi-line intent", "/edit /2 first line\nsecond line\r\nthird", 2,
                        "first line\nsecond line\nthird"),
                Arguments.of("count on next line", "/edit\n/3\nintent below", 3, "intent below"),
                Arguments.of("zero-width in command", "/ed\u200Bit /2 hidden", 2, "hidden"),
                Arguments.of("zero-width everywhere", "\uFEFF@Code\u200DAgent /\u2060edit /\u200C3 x\u00AD", 3, "x"),
                Arguments.of("non-breaking spaces", "@CodeAgent\u00A0/edit\u00A0/2\u00A0nbsp", 2, "nbsp"),
                Arguments.of("bidi controls", "\u202E/edit /2 rtl\u202C", 2, "rtl"),
                Arguments.of("leading zeros", "/edit /03 zero padded", 3, "zero padded"),
                Arguments.of("max", "/edit /10 ten", 10, "ten"),
                Arguments.of("path intent is not a count", "/edit /src/Login.java add checks", 1,
                        "/src/Login.java add checks"),
                Arguments.of("unicode intent", "/edit Übersetze die Fehlermeldungen 🚀", 1,
                        "Übersetze die Fehlermeldungen 🚀"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    void parsesEdits(String name, String comment, int variants, String intent) {
        assertThat(parser.parse(comment)).isEqualTo(new ParsedCommand.Edit(variants, intent));
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of("zero variants", "/edit /0 nothing", "between 1 and 10"),
                Arguments.of("eleven variants", "/edit /11 too many", "between 1 and 10"),
                Arguments.of("huge count", "/edit /99999999999999999999 overflow", "between 1 and 10"),
                Arguments.of("negative", "/edit /-2 negative", "not a number of variants"),
                Arguments.of("not a number", "/edit /3x oops", "not a number of variants"),
                Arguments.of("empty intent", "/edit", "Tell me what to change"),
                Arguments.of("blank intent", "@CodeAgent /edit /3    \n  ", "Tell me what to change"),
                Arguments.of("invisible-only intent", "/edit /2 \u200B\u200B", "Tell me what to change"),
                Arguments.of("too long", "/edit " + "x".repeat(51), "too long (51 characters; at most 50)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsMalformedCommands(String name, String comment, String reasonPart) {
        ParsedCommand parsed = parser.parse(comment);
        assertThat(parsed).isInstanceOf(ParsedCommand.Rejected.class);
        assertThat(((ParsedCommand.Rejected) parsed).reason()).contains(reasonPart);
    }

    static Stream<Arguments> notCommands() {
        return Stream.of(
                Arguments.of("plain text", "Thanks! Looking at the variants now."),
                Arguments.of("editing", "/editing the README"),
                Arguments.of("edit glued to count", "/edit/3 glued"),
                Arguments.of("text before", "Please /edit /2 something"),
                Arguments.of("text before after mention", "@CodeAgent please /edit /2 something"),
                Arguments.of("mention only", "@CodeAgent"),
                Arguments.of("other slash command", "/merge now"),
                Arguments.of("command later in text", "Looks good.\n/edit /2 second line"),
                Arguments.of("quoted command", "> /edit /2 quoted"),
                Arguments.of("code block", "```\n/edit /2 in code\n```"),
                Arguments.of("empty", ""),
                Arguments.of("whitespace", "  \n "),
                Arguments.of("null", null),
                Arguments.of("helpful", "/helpful tip"),
                Arguments.of("Turkish dotted I", "/EDİT /2 not ascii"),
                Arguments.of("unterminated GUID mention", "@<7F3A /edit /2 x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notCommands")
    void ignoresNonCommands(String name, String comment) {
        assertThat(parser.parse(comment)).isInstanceOf(ParsedCommand.NotACommand.class);
    }

    static Stream<Arguments> followUps() {
        return Stream.of(
                Arguments.of("pick", "/pick 2", new ParsedCommand.Pick(2)),
                Arguments.of("pick with mention", GUID + " /pick 3", new ParsedCommand.Pick(3)),
                Arguments.of("pick slash K", "@CodeAgent /PICK /2", new ParsedCommand.Pick(2)),
                Arguments.of("pick hash K", "/pick #10", new ParsedCommand.Pick(10)),
                Arguments.of("pick trailing blank", "/pick 1 \n ", new ParsedCommand.Pick(1)),
                Arguments.of("refine", "/refine 2 keep the old method name",
                        new ParsedCommand.Refine(2, "keep the old method name")),
                Arguments.of("refine multi-line", "@CodeAgent /refine 1 first\nsecond",
                        new ParsedCommand.Refine(1, "first\nsecond")),
                Arguments.of("refine zero-width", "/re\u200Bfine 3 \u200Bshorter", new ParsedCommand.Refine(3, "shorter")),
                Arguments.of("retry", "/retry 3", new ParsedCommand.Retry(3, false)),
                Arguments.of("retry fresh", "/retry 3 --fresh", new ParsedCommand.Retry(3, true)),
                Arguments.of("cancel", "/cancel", new ParsedCommand.Cancel()),
                Arguments.of("cancel with words", "@CodeAgent /Cancel please", new ParsedCommand.Cancel()),
                Arguments.of("status", "/status", new ParsedCommand.Status()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("followUps")
    void parsesFollowUps(String name, String comment, ParsedCommand expected) {
        assertThat(parser.parse(comment)).isEqualTo(expected);
    }

    static Stream<Arguments> rejectedFollowUps() {
        return Stream.of(
                Arguments.of("pick without K", "/pick", "by its number"),
                Arguments.of("pick zero", "/pick 0", "from 1 to at most 10"),
                Arguments.of("pick eleven", "/pick 11", "from 1 to at most 10"),
                Arguments.of("pick word", "/pick two", "not a variant number"),
                Arguments.of("pick with text", "/pick 2 because it is nicer", "takes only the number"),
                Arguments.of("refine without K", "/refine keep it", "not a variant number"),
                Arguments.of("refine without feedback", "/refine 2", "Tell me what to change in variant 2"),
                Arguments.of("refine blank feedback", "/refine 2 \u200B  ", "Tell me what to change"),
                Arguments.of("refine too long", "/refine 1 " + "x".repeat(51), "too long (51 characters; at most 50)"),
                Arguments.of("retry unknown flag", "/retry 2 --force", "optionally `--fresh`"),
                Arguments.of("retry without K", "/retry", "by its number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedFollowUps")
    void rejectsMalformedFollowUps(String name, String comment, String reasonPart) {
        ParsedCommand parsed = parser.parse(comment);
        assertThat(parsed).isInstanceOf(ParsedCommand.Rejected.class);
        assertThat(((ParsedCommand.Rejected) parsed).reason()).contains(reasonPart);
    }

    @Test
    void anUnknownCommandAfterAMentionGetsTheUsage() {
        ParsedCommand parsed = parser.parse("@CodeAgent /merge 2");
        assertThat(parsed).isInstanceOf(ParsedCommand.Unknown.class);
        assertThat(((ParsedCommand.Unknown) parsed).reason()).contains("`/merge`").contains("/pick K")
                .contains("/refine K").contains("/retry K").contains("/cancel").contains("/status");
        assertThat(parser.parse("@CodeAgent /src/Main.java is odd")).isInstanceOf(ParsedCommand.NotACommand.class);
    }

    @Test
    void parsesHelp() {
        assertThat(parser.parse("/help")).isInstanceOf(ParsedCommand.Help.class);
        assertThat(parser.parse(GUID + " /HELP me please")).isInstanceOf(ParsedCommand.Help.class);
        assertThat(parser.parse("@CodeAgent\u200B /help")).isInstanceOf(ParsedCommand.Help.class);
    }

    @Test
    void maximumIsConfigurable() {
        CommandParser three = new CommandParser(3, 100);
        assertThat(three.parse("/edit /3 ok")).isEqualTo(new ParsedCommand.Edit(3, "ok"));
        assertThat(((ParsedCommand.Rejected) three.parse("/edit /4 no")).reason()).contains("between 1 and 3");
    }

    @Test
    void intentLengthCountsCharactersNotUtf16Units() {
        assertThat(parser.parse("/edit " + "🚀".repeat(50))).isInstanceOf(ParsedCommand.Edit.class);
    }

    @Test
    void rejectionDoesNotEchoLongUserText() {
        ParsedCommand parsed = parser.parse("/edit /1" + "x".repeat(500) + " intent");
        assertThat(((ParsedCommand.Rejected) parsed).reason()).hasSizeLessThan(300);
    }

    @Test
    void namesTheLeadingMentionsAsWritten() {
        assertThat(CommandParser.leadingMentions(GUID + " /edit /3 x"))
                .containsExactly("7F3A2B1C-0D4E-4F5A-8B6C-9D0E1F2A3B4C");
        assertThat(CommandParser.leadingMentions("@Alice, @<abc-1> @\"Code Agent\" @CodeAgent: /edit /4 x"))
                .containsExactly("Alice", "abc-1", "Code Agent", "CodeAgent");
        assertThat(CommandParser.leadingMentions("\u200B@Code\u200DAgent\n/help")).containsExactly("CodeAgent");
        assertThat(CommandParser.leadingMentions("/edit x, as @CodeAgent said")).isEmpty();
        assertThat(CommandParser.leadingMentions("Hi @CodeAgent /edit x")).isEmpty();
        assertThat(CommandParser.leadingMentions(null)).isEmpty();
    }
}
