package dev.codeagent.llmpatch.context;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.contracts.context.ContextSelection;
import dev.codeagent.contracts.context.ContextSelectionRequest;
import dev.codeagent.contracts.context.RankedPath;
import dev.codeagent.contracts.git.TreeEntry;
import dev.codeagent.contracts.patch.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The map's parsers: declarations with signatures per language, and a file that does not parse. */
class SymbolReaderTest {

    private final SymbolReader reader = new SymbolReader();

    @Test
    void csharpDeclarationsOfCurrentCSharpComeFromTheGrammarNotFromCommentsOrStrings() {
        String cs = """
                \uFEFFglobal using Ardalis.Result;
                namespace Shop.Core;
                // class NotAClass in a comment
                public record ContributorDto(int Id, string Name);
                public class ContributorService(ILogger<ContributorService> logger) : IContributorService
                {
                  private readonly List<int> _ids = [];
                  public required string Name { get; init; }
                  [HttpPost("/contributors")]
                  public async Task<Result<int>> Handle(CreateContributorCommand request, CancellationToken ct)
                  {
                    var text = "class NotAClassEither";
                    if (request.Name is not null) { return request.Name switch { "" => Result.Invalid(), _ => 1 }; }
                    return await repository.AddAsync(new(request.Name), ct);
                  }
                  public override string ToString() => Name is { Length: > 0 } ? Name : "none";
                }
                """;
        FileSymbols symbols = reader.read("src/ContributorService.cs", cs);

        assertThat(symbols.problem()).isNull();
        assertThat(symbols.parser()).isEqualTo("csharp");
        assertThat(symbols.defined()).extracting(FileSymbols.Symbol::signature).containsExactly(
                "record ContributorDto(int Id, string Name)",
                "class ContributorService(ILogger<ContributorService> logger) : IContributorService",
                "[HttpPost(\"/contributors\")] public async Task<Result<int>> Handle(CreateContributorCommand request,"
                        + " CancellationToken ct)",
                "public override string ToString()");
        assertThat(symbols.defined()).extracting(FileSymbols.Symbol::depth).containsExactly(0, 0, 1, 1);
        assertThat(symbols.identifiers()).contains("CreateContributorCommand", "repository")
                .doesNotContain("NotAClass", "NotAClassEither");
    }

    @Test
    void pythonClassesFunctionsAndMethodsWithTheirFirstDecorator() {
        String py = """
                # def not_a_function():
                class Report(Base):
                    \"\"\"def nor_this()\"\"\"
                    def render(self, rows: list[str]) -> str:
                        def row(r):
                            return r
                        return rows

                @bp.route('/login', methods=['GET', 'POST'])
                async def login():
                    if (n := len(users)) > 0:
                        pass
                """;
        FileSymbols symbols = reader.read("app/auth/routes.py", py);

        assertThat(symbols.problem()).isNull();
        assertThat(symbols.defined()).extracting(FileSymbols.Symbol::signature).containsExactly("class Report(Base)",
                "def render(self, rows: list[str]) -> str", "def row(r)",
                "@bp.route('/login', methods=['GET', 'POST']) async def login()");
        assertThat(symbols.defined()).extracting(FileSymbols.Symbol::kind)
                .containsExactly("class", "method", "function", "function");
    }

    @Test
    void typescriptClassesInterfacesMethodsAndFunctionsBoundToVariables() {
        String ts = """
                import { Controller, Get, Param } from '@nestjs/common';

                export interface ArticleRO {
                  article: ArticleData
                  count: number;
                  find(slug: string): Promise<ArticleData>;
                }

                @Controller('articles')
                export class ArticleController {
                  constructor(private readonly articleService: ArticleService) {}

                  @Get(':slug')
                  async findOne(@Param('slug') slug: string): Promise<ArticleRO> {
                    const body = `${slug} {`;
                    return await this.articleService.findOne({ slug });
                  }
                }

                export const slugify = (title: string): string => title.trim();
                export function isDraft(article: ArticleData): boolean { return !article.published; }
                """;
        FileSymbols symbols = reader.read("src/article/article.controller.ts", ts);

        assertThat(symbols.problem()).isNull();
        assertThat(symbols.parser()).isEqualTo("typescript");
        assertThat(symbols.defined()).extracting(FileSymbols.Symbol::signature).containsExactly(
                "interface ArticleRO", "find(slug: string): Promise<ArticleData>",
                "@Controller('articles') class ArticleController",
                "constructor(private readonly articleService: ArticleService)",
                "@Get(':slug') async findOne(@Param('slug') slug: string): Promise<ArticleRO>",
                "slugify = (title: string): string =>", "function isDraft(article: ArticleData): boolean");
    }

    @Test
    void aFileThatDoesNotParseIsListedWithoutSymbolsAndTheReasonWhileTheOthersKeepTheirs() {
        String broken = "class Report(:\n    def render(self\n";
        FileSymbols symbols = reader.read("tools/report.py", broken);
        assertThat(symbols.defined()).isEmpty();
        assertThat(symbols.problem()).startsWith("python syntax error at 1:");
        assertThat(symbols.terms()).containsKey("report");

        List<SourceFile> files = List.of(new SourceFile("tools/report.py", broken),
                new SourceFile("tools/export.py", "def export_report(rows):\n    return rows\n"),
                new SourceFile("README.md", "x".repeat(3000)));
        List<TreeEntry> tree = files.stream().map(f -> new TreeEntry(f.path(), f.content().length())).toList();
        ContextSelection selection = new ContextSelector(1024, 64 * 1024)
                .select(new ContextSelectionRequest("Fix the report export", tree, List.of(), 0, "c1", files));

        assertThat(selection.map()).contains("tools/export.py:\n  def export_report(rows)").contains("tools/report.py");
        assertThat(selection.ranked()).filteredOn(r -> r.path().equals("tools/report.py")).singleElement()
                .extracting(RankedPath::reason).asString().contains("no symbols: python syntax error at 1:");
    }

    @Test
    void languagesWithoutAParserKeepTheirWordsAndIdentifiers() {
        FileSymbols go = reader.read("cmd/main.go", "package main\nfunc Serve(port int) { listen(port) }\n");
        assertThat(go.parser()).isNull();
        assertThat(go.problem()).isNull();
        assertThat(go.defined()).isEmpty();
        assertThat(go.identifiers()).contains("Serve", "listen");
    }
}
