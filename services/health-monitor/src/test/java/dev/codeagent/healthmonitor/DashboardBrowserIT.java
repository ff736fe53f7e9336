package dev.codeagent.healthmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codeagent.healthmonitor.support.FakeHttpServer;
import dev.codeagent.healthmonitor.support.FakeOrchestrator;
import dev.codeagent.healthmonitor.support.SignIn;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Drives the dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}):
 * services appear, one turns red when its fake stops (without a page reload) and its outage shows on its
 * 24-hour timeline, a job appears and its page shows every variant. Runs in the {@code browser-tests} profile
 * only. Screenshots land in {@code target/screenshots/}.
 */
@EnabledIfSystemProperty(named = "skipBrowserTests", matches = "false")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIT {

    static final String TOKEN = "browser-it-token-0123456789";
    static final Duration WAIT = Duration.ofSeconds(20);

    static final FakeHttpServer GATEWAY = FakeHttpServer.healthy();
    static final FakeHttpServer ORCHESTRATOR_READY = FakeHttpServer.healthy();
    static final FakeHttpServer ADAPTER = FakeHttpServer.healthy();
    static final FakeHttpServer LLM_PATCH = FakeHttpServer.healthy();
    static final FakeHttpServer TRAEFIK = FakeHttpServer.healthy();
    static final FakeHttpServer OLLAMA = FakeHttpServer.healthy();
    static final FakeOrchestrator JOBS = new FakeOrchestrator(TOKEN);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        OLLAMA.stop();  // an optional component that is not running: the dashboard shows it degraded
        registry.add("codeagent.platform.internal-token", () -> TOKEN);
        registry.add("codeagent.dashboard.users", () -> SignIn.ADMIN_LINE);
        // A history of its own: earlier runs must not add segments to the timelines checked below.
        registry.add("CODEAGENT_DATA_DIR", () -> Path.of("target", "it-data", "browser", UUID.randomUUID().toString())
                .toAbsolutePath().toString());
        registry.add("codeagent.monitor.interval", () -> "500ms");
        registry.add("codeagent.monitor.retry-interval", () -> "300ms");
        registry.add("codeagent.monitor.timeout", () -> "1s");
        registry.add("codeagent.monitor.targets", () -> String.join(";",
                "gateway=" + GATEWAY.url("/actuator/health/readiness") + "|critical",
                "orchestrator=" + ORCHESTRATOR_READY.url("/actuator/health/readiness") + "|critical",
                "adapter=" + ADAPTER.url("/actuator/health/readiness") + "|critical",
                "llm-patch=" + LLM_PATCH.url("/actuator/health/readiness") + "|critical",
                "traefik=" + TRAEFIK.url("/ping") + "|critical",
                "ollama=" + OLLAMA.url("/api/tags") + "|optional"));
        registry.add("codeagent.monitor.orchestrator-url", JOBS::baseUrl);
    }

    @LocalServerPort
    int port;

    WebDriver driver;
    Path profileDir;

    @BeforeEach
    void startBrowser() throws IOException {
        profileDir = Files.createTempDirectory("codeagent-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profileDir,
                "--window-size=1280,1000", "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // Signs in as admin/admin on every request of the page (fetch and EventSource too), as a browser does
        // once its user has answered the sign-in prompt.
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", SignIn.ADMIN)));
        driver = chrome;
    }

    @AfterEach
    void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
        FileSystemUtils.deleteRecursively(profileDir.toFile());
    }

    @AfterAll
    static void stopFakes() {
        Stream.of(GATEWAY, ORCHESTRATOR_READY, ADAPTER, LLM_PATCH, TRAEFIK, OLLAMA).forEach(FakeHttpServer::close);
        JOBS.close();
    }

    @Test
    void showsServicesLiveAndJobs() throws IOException {
        driver.get("http://127.0.0.1:" + port + "/");
        // The page re-renders cards and job rows as data arrives, so elements are looked up afresh each time.
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);

        wait.until(d -> cardStatuses(d).equals(List.of("UP", "UP", "UP", "UP", "UP", "DOWN")));
        assertThat(driver.findElement(By.id("overall")).getText()).isEqualTo("DEGRADED");
        wait.until(ExpectedConditions.attributeToBe(By.id("live"), "class", "live on"));
        ((JavascriptExecutor) driver).executeScript("window.__sameDocument = true;");

        LLM_PATCH.stop();
        wait.until(d -> "DOWN".equals(card(d, "llm-patch").getAttribute("data-status")));
        String downColor = wait.until(d -> card(d, "llm-patch").getCssValue("border-left-color"));
        assertThat(downColor).as("red border").isEqualTo("rgba(207, 34, 46, 1)");
        wait.until(d -> card(d, "llm-patch").getText().contains("Connection refused"));
        assertThat(driver.findElement(By.id("overall")).getText()).isEqualTo("UNHEALTHY");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__sameDocument === true"))
                .as("updated live, without reloading the page").isEqualTo(true);
        screenshot("dashboard-outage.png");

        LLM_PATCH.start();
        wait.until(d -> "UP".equals(card(d, "llm-patch").getAttribute("data-status")));
        // The 24-hour timeline, from the durable history: the outage is a red block between green ones.
        By timeline = By.cssSelector(".history-row[data-target='llm-patch'] .history-bar .seg");
        wait.until(d -> d.findElements(timeline).stream().map(e -> e.getAttribute("class")).toList()
                .equals(List.of("seg seg-UP", "seg seg-DOWN", "seg seg-UP")));
        assertThat(driver.findElement(By.cssSelector(".history-row[data-target='llm-patch'] .history-bar .seg-DOWN"))
                .getCssValue("background-color")).as("red").isEqualTo("rgba(207, 34, 46, 1)");
        assertThat(driver.findElement(By.cssSelector(".history-row[data-target='llm-patch']")).getText())
                .contains("1 incident");

        JOBS.addJob("0b7c4e1a-5d2f-4c51-9a0e-6f3f1a2b9c01",
                FakeOrchestrator.sampleJob("0b7c4e1a-5d2f-4c51-9a0e-6f3f1a2b9c01",
                        "Add input validation to the login handler"));
        By row = By.cssSelector(".job-row[data-job-id='0b7c4e1a-5d2f-4c51-9a0e-6f3f1a2b9c01']");
        String rowText = wait.until(d -> d.findElement(row).getText());
        assertThat(rowText).contains("Add input validation to the login handler").contains("PR 42");
        String prLink = wait.until(d -> d.findElement(row).findElement(By.cssSelector("a.chip.succeeded"))
                .getAttribute("href"));
        assertThat(prLink).isEqualTo("http://git.example/pr/101");
        int chipLinks = wait.until(d -> d.findElement(row).findElements(By.cssSelector("a.chip")).size());
        assertThat(chipLinks).as("only variants with a pull request link to one").isEqualTo(1);
        wait.until(d -> "UP".equals(card(d, "llm-patch").getAttribute("data-status"))
                && "DEGRADED".equals(d.findElement(By.id("overall")).getText()));
        screenshot("dashboard.png");

        wait.until(d -> {
            d.findElement(row).findElement(By.cssSelector("a.job-main")).click();
            return true;
        });
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".variant"), 3));
        assertThat(driver.getCurrentUrl()).endsWith("/jobs/0b7c4e1a-5d2f-4c51-9a0e-6f3f1a2b9c01");
        String page = wait.until(d -> d.findElement(By.id("job-detail")).getText());
        assertThat(page).contains("Variant 1").contains("agents/edit-42-0b7c4e1a-1").contains("+24")
                .contains("qwen2.5-coder:7b").contains("Edit did not apply: SEARCH block matched 2 places")
                .contains("Now: generate");
        assertThat(driver.findElement(By.cssSelector(".variant[data-variant='1'] dl.facts")).getText())
                .contains("TOKENS\n12.3k (10.0k in, 2.3k out)").contains("COST\n$0.042");
        assertThat(driver.findElement(By.cssSelector(".variant[data-variant='2'] dl.facts")).getText())
                .contains("TOKENS\n950 (700 in, 250 out)").contains("COST\n— (no price for the model)");
        assertThat(driver.findElement(By.cssSelector(".job-head dl.facts")).getText())
                .contains("TOKENS\n13.3k (10.7k in, 2.6k out)").contains("COST\n— (no price for a model)");
        assertThat(driver.findElement(By.cssSelector(".variant[data-variant='1'] a[href='http://git.example/pr/101']"))
                .isDisplayed()).isTrue();
        assertThat(driver.findElements(By.cssSelector(".variant[data-variant='2'] a"))).isEmpty();
        assertThat(driver.findElement(By.cssSelector(".job-head dl.facts")).getText())
                .contains("RECOMMENDED\nVariant 1 — only variant that succeeded; its checks pass");
        assertThat(driver.findElement(By.cssSelector(".variant[data-variant='1'] h3")).getText())
                .contains("★ recommended").contains("rank 1");
        assertThat(driver.findElements(By.cssSelector(".variant[data-variant='1'] .check-round summary")).stream()
                .map(WebElement::getText).toList())
                .containsExactly("Checks · failed · 40 passed, 1 failed", "After repair 1 · passed · 41 passed, 0 failed");
        assertThat(driver.findElements(By.cssSelector(".variant[data-variant='2'] .check-round"))).isEmpty();
        driver.findElement(By.cssSelector(".variant[data-variant='1'] .check-round[data-round='1'] summary")).click();
        By log = By.cssSelector(".variant[data-variant='1'] .check-round[data-round='1'] pre.log");
        String excerpt = wait.until(d -> {
            String text = d.findElement(log).getText();
            return text.contains("log line 60") ? text : null;
        });
        assertThat(excerpt).as("the last 40 lines").startsWith("log line 21").doesNotContain("log line 20\n");
        screenshot("dashboard-job.png");

        driver.manage().window().setSize(new Dimension(390, 844));
        driver.navigate().to("http://127.0.0.1:" + port + "/");
        wait.until(d -> cardStatuses(d).size() == 6);
        Object overflow = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(overflow).as("no horizontal scrolling on a phone").isEqualTo(false);
        screenshot("dashboard-phone.png");
    }

    private static WebElement card(WebDriver driver, String service) {
        return driver.findElement(By.cssSelector(".card[data-service='" + service + "']"));
    }

    private static List<String> cardStatuses(WebDriver driver) {
        return driver.findElements(By.cssSelector("#services .card")).stream()
                .map(c -> c.getAttribute("data-status"))
                .toList();
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
