package jp.keitai.sns.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import jp.keitai.sns.testsupport.Deployments;
import jp.keitai.sns.testsupport.Http;
import jp.keitai.sns.testsupport.Members;
import jp.keitai.sns.testsupport.Members.NewMember;
import jp.keitai.sns.testsupport.Outbox;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The smartphone and PC pages in a real browser: Debian's chromium driven through chromium-driver, once as an
 * iPhone-sized smartphone (390×844) and once as a PC screen (1280×900). A person signs up from an invitation, posts a
 * voice and a diary with a photo, becomes マイミク with a friend, reads the friend's diary, walks the member menu; an
 * operator adds a carrier mail domain to the allow-list. Every page is saved as a screenshot under
 * {@code target/screenshots/} for review, and checked for what a person sees: the expected text, nothing cut off at
 * the right edge (the page's scroll width within the screen), every image loaded, no error in the browser console.
 * Pixels are not compared.
 *
 * <p>Without chromium the test is skipped with a message, except in CI ({@code CI=true}), where it must run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserIT {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String IPHONE_UA = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1";

    @Deployment(testable = false)
    static WebArchive app() {
        return Deployments.app();
    }

    @ArquillianResource
    URL base;

    /** A screen the scenario runs on. */
    record Screen(String name, int width, int height, boolean phone) {}

    @Test
    void smartphone() throws IOException {
        scenario(new Screen("smartphone", 390, 844, true));
    }

    @Test
    void pc() throws IOException {
        scenario(new Screen("pc", 1280, 900, false));
    }

    private void scenario(Screen screen) throws IOException {
        requireBrowser();
        Files.createDirectories(SHOTS);
        String tag = screen.name();
        NewMember friend = Members.register(base, "ゆうこ");
        // the one stylesheet: served by the service and cached, even for a signed-in member whose pages are no-store
        HttpResponse<byte[]> css = friend.http().get("/static/sns.css");
        assertEquals(200, css.statusCode());
        assertEquals(
                "public, max-age=86400",
                css.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(friend.http()
                .get("/home")
                .headers()
                .firstValue("Cache-Control")
                .orElse("")
                .contains("no-store"));
        String mobile = "browser" + System.nanoTime() + "@docomo.ne.jp";
        try (Browser b = new Browser(screen)) {
            // a guest: what the service is, and how to join (invitation only here: the rule, get@ as mailto and QR)
            b.open("/");
            b.sees("ケータイSNS", "ログイン", "はじめての方", "招待制");
            assertEquals(
                    "mailto:get@sns.example.jp",
                    b.find(By.cssSelector("a.mail-address")).getAttribute("href"));
            b.check("01-top");

            // sign up from the invitation mail's link
            invite(mobile);
            b.open(Outbox.firstPath(Outbox.latestTo(mobile)));
            b.sees("新規登録", "ニックネーム");
            b.check("02-register");
            String me = "さくら";
            b.type(By.name("nickname"), me);
            b.type(By.name("password"), Members.PASSWORD);
            b.submit(By.cssSelector("form input[type=submit]"));
            b.sees(me + "さんのホーム", "マイミクの最新の動き");
            long myId =
                    Long.parseLong(b.find(By.cssSelector("h1[data-member-id]")).getAttribute("data-member-id"));

            // a voice from the home page's form
            b.type(By.cssSelector(".voice-form input[name=body]"), "はじめまして！今日から始めました🌸");
            b.submit(By.cssSelector(".voice-form input[type=submit]"));
            b.sees("はじめまして！今日から始めました🌸");
            b.check("03-home-voice");

            // a diary with a photo
            b.open("/diary/new");
            b.type(By.name("title"), "桜を見に行きました");
            b.type(By.name("body"), "川沿いの桜並木が満開でした。\nお弁当を持って、のんびり歩きました。");
            b.find(By.name("photo1")).sendKeys(photo().toAbsolutePath().toString());
            b.check("04-diary-new");
            b.submit(By.cssSelector("form[enctype] input[type=submit]"));
            b.sees("桜を見に行きました", "川沿いの桜並木が満開でした。", "お弁当を持って");
            WebElement thumb = b.find(By.cssSelector(".photos img"));
            assertTrue(thumb.getSize().getWidth() <= 240, "a thumbnail, not the photo: " + thumb.getSize());
            b.check("05-diary");

            // befriend: ask from the friend's profile, the friend approves
            b.open("/members/" + friend.id());
            b.sees(friend.nickname() + "さん");
            b.click(By.cssSelector("a.ask-friend"));
            b.type(By.name("message"), "よろしくお願いします");
            b.submit(By.cssSelector("form input[type=submit]"));
            b.sees("マイミク申請を送りました");
            approve(friend);
            friendPostsVoice(friend, "今日は渋谷で打ち合わせ。新しいカフェのラテがおいしかった☕");
            String diaryOfFriend = friendWritesDiary(friend);
            friendPostsVoice(friend, "雨やんだ！週末は晴れるといいな");

            // the home timeline now has the friend's voice and diary; read the diary from there
            b.open("/home");
            b.sees("マイミクの最新の動き", "雨やんだ！週末は晴れるといいな", "週末の鎌倉散歩");
            b.check("06-home");
            // live updates (issue 26): the friend's next voice shows on the open home page without a reload
            friendPostsVoice(friend, "ライブで届きました📡");
            b.waitFor("ライブで届きました📡");
            b.sees("新着が 1 件あります");
            b.check("06-home-live");
            b.click(By.linkText("週末の鎌倉散歩"));
            b.sees("週末の鎌倉散歩", "長谷寺のあじさい", friend.nickname() + "さんの日記");
            assertTrue(b.url().endsWith(diaryOfFriend), b.url());
            b.type(By.name("body"), "素敵！今度いっしょに行きたいです");
            b.submit(By.cssSelector("form[action$='/comments'] input[type=submit]"));
            b.sees("素敵！今度いっしょに行きたいです");
            b.check("07-friend-diary");

            // every page of the member menu is reachable from it
            String[][] menu = {
                {"プロフィール", me + "さん"},
                {"ボイス", "メールでも投稿できます"},
                {"日記", me + "さんの日記"},
                {"マイミク一覧", "マイミク一覧（1人）"},
                {"マイミク申請", "届いている申請"},
                {"mixiGraph", me + "さんのmixiGraph"},
                {"あしあと", "忍び足"},
                {"ブロック", "ブロック中のメンバー"},
                {"友だちを招待", "招待する人のメールアドレス"},
                {"メール投稿", "メール投稿アドレス"},
                {"設定", "パスワードの変更"},
            };
            int n = 8;
            for (String[] item : menu) {
                b.open("/home");
                b.clickMenu(item[0]);
                b.sees(item[1]);
                b.check(String.format("%02d-%s", n++, slug(item[0])));
            }
            // the voice page says once how to post by mail
            b.open("/voice");
            assertEquals(1, b.count("メールでも投稿できます"), "the mail-posting paragraph once");
            // mixiGraph: the whole picture inside the viewBox (once "0 0 480480": most of it cut off)
            b.open("/members/" + myId + "/graph");
            Object inside = b.js("var s=document.querySelector('svg.graph'); var v=s.viewBox.baseVal;"
                    + " if (!v || v.width === 0 || v.width !== v.height) return 'viewBox ' + s.getAttribute('viewBox');"
                    + " var bad=[]; s.querySelectorAll('circle').forEach(function(c){var b=c.getBBox();"
                    + " if (b.x < 0 || b.y < 0 || b.x + b.width > v.width || b.y + b.height > v.height) bad.push(b.x+','+b.y);});"
                    + " return bad.length === 0 ? 'ok' : 'outside: ' + bad.join(' ');");
            assertEquals("ok", inside, "mixiGraph");
            // unfriend is reachable from the friend's profile and the list (asks before it ends anything)
            b.open("/friends");
            b.click(By.cssSelector(".friends-list a.end"));
            b.sees("マイミクを解除します");
            b.check(String.format("%02d-unfriend", n++));
            if (!screen.phone()) {
                // a PC page of a keitai feature shows its keitai URL as a QR code
                b.open("/diary/" + diaryOfFriend.replaceAll("\\D+", ""));
                b.sees("携帯で見る");
            }

            // the operator edits the carrier allow-list in the console
            b.open("/");
            b.clickMenuLogout();
            b.type(By.name("email"), Members.OPERATOR);
            b.type(By.name("password"), Members.OPERATOR_PASSWORD);
            b.submit(By.cssSelector("form[action$='/login'] input[type=submit]"));
            b.open("/admin/carriers");
            String domain = tag + System.nanoTime() % 100000 + ".example.ne.jp";
            WebElement form = b.find(By.cssSelector("form[action$='/admin/carriers/docomo/domains']"));
            form.findElement(By.name("domain")).sendKeys(domain);
            List<WebElement> note = form.findElements(By.name("note"));
            if (!note.isEmpty()) {
                note.get(0).sendKeys("ブラウザテスト: 新しいドメイン");
            }
            b.clickAndWait(form.findElement(By.cssSelector("input[type=submit],button[type=submit]")));
            b.sees(domain);
            b.check(String.format("%02d-admin-carriers", n));
        }
    }

    private void invite(String address) {
        Http operator = new Http(base);
        operator.signIn(Members.OPERATOR, Members.OPERATOR_PASSWORD);
        String page = Http.text(operator.get("/invite"), StandardCharsets.UTF_8);
        assertEquals(
                200,
                operator.post("/invite", "email", address, "_csrf", Http.csrf(page))
                        .statusCode());
    }

    private static void approve(NewMember friend) {
        String requests = Http.text(friend.http().get("/friends/requests"), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/friends/requests/(\\d+)/approve")
                .matcher(requests);
        assertTrue(m.find(), requests);
        assertEquals(
                200,
                friend.http()
                        .post("/friends/requests/" + m.group(1) + "/approve", "_csrf", Http.csrf(requests))
                        .statusCode());
    }

    /** The friend writes a diary for friends; returns its path. */
    private static String friendWritesDiary(NewMember friend) {
        String form = Http.text(friend.http().get("/diary/new"), StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = friend.http()
                .post(
                        "/diary",
                        "title",
                        "週末の鎌倉散歩",
                        "body",
                        "朝から江ノ電に乗って鎌倉へ。\n長谷寺のあじさいがちょうど見ごろでした。",
                        "visibility",
                        "friends",
                        "_csrf",
                        Http.csrf(form));
        assertEquals(303, r.statusCode(), Http.text(r, StandardCharsets.UTF_8));
        String location = r.headers().firstValue("Location").orElseThrow();
        return location.substring(location.indexOf("/diary/"));
    }

    private static void friendPostsVoice(NewMember friend, String text) {
        String page = Http.text(friend.http().get("/voice"), StandardCharsets.UTF_8);
        java.util.regex.Matcher key = java.util.regex.Pattern.compile("name=\"key\" value=\"([^\"]*)\"")
                .matcher(page);
        assertTrue(key.find(), page);
        HttpResponse<byte[]> r =
                friend.http().post("/voice", "_csrf", Http.csrf(page), "key", key.group(1), "body", text);
        assertEquals(303, r.statusCode(), Http.text(r, StandardCharsets.UTF_8));
    }

    private static String slug(String menuItem) {
        return switch (menuItem) {
            case "プロフィール" -> "profile";
            case "ボイス" -> "voice";
            case "日記" -> "diaries";
            case "マイミク一覧" -> "friends";
            case "マイミク申請" -> "requests";
            case "mixiGraph" -> "graph";
            case "あしあと" -> "footprints";
            case "ブロック" -> "blocks";
            case "友だちを招待" -> "invite";
            case "メール投稿" -> "mail-posting";
            case "設定" -> "settings";
            default -> "page";
        };
    }

    /** A camera-like photo: sky, sun and hills, 1024×768 JPEG. */
    private static Path photo() {
        try {
            Path p = SHOTS.resolve("photo.jpg");
            if (!Files.exists(p)) {
                BufferedImage img = new BufferedImage(1024, 768, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = img.createGraphics();
                g.setPaint(new GradientPaint(0, 0, new Color(0x5aa9e6), 0, 460, new Color(0xfde2b8)));
                g.fillRect(0, 0, 1024, 768);
                g.setColor(new Color(0xf7b6c8));
                g.fillOval(690, 110, 160, 160);
                g.setColor(new Color(0x6a994e));
                g.fillPolygon(new int[] {0, 300, 620, 1024, 1024, 0}, new int[] {560, 380, 520, 400, 768, 768}, 6);
                g.setColor(new Color(0x386641));
                g.fillPolygon(
                        new int[] {0, 250, 520, 800, 1024, 1024, 0}, new int[] {680, 560, 640, 540, 620, 768, 768}, 7);
                g.dispose();
                ImageIO.write(img, "jpg", p.toFile());
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips without chromium outside CI; in CI a missing browser is a failure. */
    static void requireBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + CHROMIUM + " or " + DRIVER
                    + " is missing: .ci/run installs chromium and chromium-driver");
        }
        Assumptions.assumeTrue(
                present,
                "browser tests skipped: no " + CHROMIUM + " or " + DRIVER
                        + " (apt-get install -y chromium chromium-driver fonts-noto-cjk fonts-noto-color-emoji)");
    }

    /** One chromium with a fresh profile, as a person on one screen. */
    final class Browser implements AutoCloseable {
        private final Screen screen;
        private final ChromeDriver driver;
        private final Path profile;
        private final List<String> problems = new ArrayList<>();

        Browser(Screen screen) throws IOException {
            this.screen = screen;
            this.profile = Files.createTempDirectory("browserit-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--hide-scrollbars",
                    "--lang=ja-JP",
                    "--user-data-dir=" + profile,
                    "--window-size=" + Math.max(screen.width(), 500) + "," + screen.height());
            if (screen.phone()) {
                options.setExperimentalOption(
                        "mobileEmulation",
                        Map.of(
                                "deviceMetrics",
                                Map.of(
                                        "width",
                                        screen.width(),
                                        "height",
                                        screen.height(),
                                        "pixelRatio",
                                        2,
                                        "touch",
                                        true),
                                "userAgent",
                                IPHONE_UA));
            }
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            this.driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            if (!screen.phone()) {
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(screen.width(), screen.height()));
            }
        }

        void open(String path) {
            String url = base.toString().replaceAll("/+$", "") + path;
            driver.get(url);
            settle();
        }

        String url() {
            return driver.getCurrentUrl();
        }

        /** Waits for the page and its images (a photo, a QR code) to be complete. */
        void settle() {
            for (int i = 0; i < 100; i++) {
                Object done = js("return document.readyState === 'complete'"
                        + " && Array.from(document.images).every(function(i){return i.complete;})");
                if (Boolean.TRUE.equals(done)) {
                    return;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Object js(String script) {
            return ((JavascriptExecutor) driver).executeScript(script);
        }

        WebElement find(By by) {
            return driver.findElement(by);
        }

        void type(By by, String text) {
            WebElement e = find(by);
            e.clear();
            e.sendKeys(text);
        }

        /** Clicks what leads to another page, and waits for that page (not the old one, still complete). */
        void click(By by) {
            clickAndWait(find(by));
        }

        void clickAndWait(WebElement e) {
            // a mark on the old page's window: gone once the next page is there (asking an old element instead
            // answers "stale" or, mid-navigation, an inspector error)
            js("window.browserItOldPage = true;");
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", e);
            e.click();
            for (int i = 0; i < 600; i++) {
                try {
                    if (!Boolean.TRUE.equals(js("return window.browserItOldPage === true"))) {
                        break;
                    }
                } catch (org.openqa.selenium.WebDriverException navigating) {
                    // the page is being replaced: ask again
                }
                pause();
            }
            settle();
        }

        void submit(By by) {
            click(by);
        }

        /** Follows an entry of the member menu (left column on a PC, after the page on a phone). */
        void clickMenu(String label) {
            click(By.xpath("//nav[contains(@class,'site-nav')]//a[normalize-space(.)='" + label + "']"));
        }

        void clickMenuLogout() {
            click(By.cssSelector("form.logout [type=submit]"));
        }

        /** The visible text of the page has each of these. */
        void sees(String... texts) {
            String page = find(By.tagName("body")).getText();
            for (String t : texts) {
                assertTrue(page.contains(t), screen.name() + " " + url() + ": no 「" + t + "」 in\n" + page);
            }
        }

        /** Waits up to 15 s for the text to appear on the page as it is, without loading it again. */
        void waitFor(String text) {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!find(By.tagName("body")).getText().contains(text)) {
                if (System.nanoTime() > deadline) {
                    sees(text); // fails, showing the page
                }
                pause();
            }
        }

        int count(String text) {
            String page = find(By.tagName("body")).getText();
            return page.split(java.util.regex.Pattern.quote(text), -1).length - 1;
        }

        /**
         * What a person sees, checked, and a screenshot of the whole page saved: nothing wider than the screen,
         * every image loaded, no console errors since the last check.
         */
        void check(String name) throws IOException {
            settle();
            long scrollWidth = ((Number) js("return document.documentElement.scrollWidth")).longValue();
            long viewport = ((Number) js("return window.innerWidth")).longValue();
            assertEquals(screen.width(), viewport, "the screen's width");
            assertTrue(
                    scrollWidth <= viewport,
                    screen.name() + " " + name + ": the page is " + scrollWidth + " px wide on a " + viewport
                            + " px screen (something is cut off at the right)");
            Object clipped = js("var w=window.innerWidth, out=[];"
                    + " document.querySelectorAll('main *, header *, aside *').forEach(function(e){"
                    + " var r=e.getBoundingClientRect(); if (r.width === 0 || r.height === 0) return;"
                    + " for (var p=e.parentElement; p; p=p.parentElement) { var o=getComputedStyle(p).overflowX;"
                    + " if (o === 'auto' || o === 'scroll' || o === 'hidden') return; }"
                    + " if (r.right > w + 1 || r.left < -1) out.push(e.tagName + '.' + e.className + ' '"
                    + " + Math.round(r.left) + '..' + Math.round(r.right)); });"
                    + " return out.slice(0, 5).join('; ');");
            assertEquals("", clipped, screen.name() + " " + name + ": elements outside the screen");
            Object broken = js("return Array.from(document.images).filter(function(i){"
                    + " return !i.complete || i.naturalWidth === 0; }).map(function(i){ return i.src; }).join(' ');");
            assertEquals("", broken, screen.name() + " " + name + ": images that did not load");
            for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
                if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    problems.add(name + ": " + e.getMessage());
                }
            }
            assertTrue(problems.isEmpty(), screen.name() + " console errors:\n" + String.join("\n", problems));
            long height = ((Number) js(
                            "return Math.max(document.documentElement.scrollHeight," + " document.body.scrollHeight)"))
                    .longValue();
            Map<String, Object> shot = driver.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", screen.width(), "height", height, "scale", 1)));
            Files.write(
                    SHOTS.resolve(screen.name() + "-" + name + ".png"),
                    Base64.getDecoder().decode((String) shot.get("data")));
        }

        @Override
        public void close() {
            try {
                driver.quit();
            } finally {
                try (var files = Files.walk(profile)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                } catch (IOException ignored) {
                    // a temporary profile left behind is harmless
                }
            }
        }
    }
}
