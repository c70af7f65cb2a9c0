// Mixed load for the cluster fault test (cluster/fault-test.sh): docomo home pages and voice posts through HAProxy,
// from cookieless sessions (session id in the URL) that bench/Generate.java wrote, for a fixed time, while the script
// kills a node. Every voice post carries its own key (the form's "key", as the keitai voice form sends it): a post that
// got no answer (its node died under it) is sent again with the same key, as a member pressing the button again would,
// and must become exactly one voice. Writes the number of every voice the server accepted (303) to --accepted, and per
// second the pages served and the errors (--timeline). After the load: every session is asked once for its home page
// through HAProxy and must still be signed in (--sessions-after).
//
//   java cluster/FaultLoad.java --url http://127.0.0.1:8090 --sessions bench/out/fault/sessions.txt --seconds 60 \
//        --run 1733400000 --accepted accepted.txt --timeline timeline.txt

import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

public class FaultLoad {

    static final String UA = "DoCoMo/2.0 P903i(c100;TB;W24H12)";
    static final String GATEWAY = "210.153.84.1";
    static final Charset SJIS = Charset.forName("Windows-31J");

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        String url = a.getOrDefault("url", "http://127.0.0.1:8090");
        int seconds = Integer.parseInt(a.getOrDefault("seconds", "60"));
        int readers = Integer.parseInt(a.getOrDefault("readers", "6"));
        int posters = Integer.parseInt(a.getOrDefault("posters", "2"));
        String run = a.get("run");
        List<String[]> sessions = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a.get("sessions")))) {
            sessions.add(line.split(" "));
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(3))
                .build();
        // seconds are counted from the run's start (--run: the script's clock, epoch seconds), not from this JVM's, so
        // that the timeline's seconds and the script's "killed at" agree
        String epoch = run.replaceAll("\\D", "");
        long since = epoch.isEmpty() ? 0 : System.currentTimeMillis() - Long.parseLong(epoch) * 1000;
        long start = System.nanoTime() - Math.max(0, Math.min(since, 60_000)) * 1_000_000L;
        long end = start + seconds * 1_000_000_000L;
        AtomicLongArray served = new AtomicLongArray(seconds + 1);
        AtomicLongArray failed = new AtomicLongArray(seconds + 1);
        AtomicInteger posted = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger signedOut = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        try (PrintWriter accepted = new PrintWriter(Files.newBufferedWriter(Path.of(a.get("accepted"))), true)) {
            for (int t = 0; t < readers; t++) {
                threads.add(started(() -> {
                    while (System.nanoTime() < end) {
                        String[] s = sessions.get(ThreadLocalRandom.current().nextInt(sessions.size()));
                        int second = (int) ((System.nanoTime() - start) / 1_000_000_000L);
                        try {
                            HttpResponse<String> r = http.send(get(url + "/home?sid=" + s[1]), body());
                            if (r.statusCode() == 200 && r.body().contains("ﾎｰﾑ")) {
                                served.incrementAndGet(second);
                            } else {
                                if (r.statusCode() == 200 || r.statusCode() / 100 == 3) {
                                    signedOut.incrementAndGet();
                                }
                                failed.incrementAndGet(second);
                            }
                        } catch (Exception e) {
                            failed.incrementAndGet(second);
                        }
                    }
                }));
            }
            for (int t = 0; t < posters; t++) {
                threads.add(started(() -> {
                    while (System.nanoTime() < end) {
                        int n = next.getAndIncrement();
                        String[] s = sessions.get(n % sessions.size());
                        String key = "fault" + run + "x" + n;
                        String text = "障害試験" + run + "-" + n;
                        // a post without an answer is sent again with the same key until it is answered
                        for (int attempt = 0; ; attempt++) {
                            int second = (int) ((System.nanoTime() - start) / 1_000_000_000L);
                            try {
                                HttpResponse<String> r = http.send(post(url + "/voice?sid=" + s[1], text, key, s[0]),
                                        body());
                                if (r.statusCode() == 303) {
                                    served.incrementAndGet(Math.min(second, seconds));
                                    posted.incrementAndGet();
                                    synchronized (accepted) {
                                        accepted.println(n);
                                    }
                                } else {
                                    refused.incrementAndGet();
                                    failed.incrementAndGet(Math.min(second, seconds));
                                    if (r.statusCode() / 100 == 5) {
                                        resent.incrementAndGet();
                                        sleep(200);
                                        continue;
                                    }
                                }
                                break;
                            } catch (Exception e) {
                                failed.incrementAndGet(Math.min(second, seconds));
                                resent.incrementAndGet();
                                sleep(200);
                            }
                        }
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        try (PrintWriter timeline = new PrintWriter(Files.newBufferedWriter(Path.of(a.get("timeline"))))) {
            for (int i = 0; i < seconds; i++) {
                timeline.printf("%d %d %d%n", i, served.get(i), failed.get(i));
            }
        }
        // every session once, after the kill: still signed in on whichever node answers
        int stillIn = 0, lost = 0;
        for (String[] s : sessions) {
            try {
                HttpResponse<String> r = http.send(get(url + "/home?sid=" + s[1]), body());
                if (r.statusCode() == 200 && r.body().contains("ﾎｰﾑ")) {
                    stillIn++;
                } else {
                    lost++;
                }
            } catch (Exception e) {
                lost++;
            }
        }
        long ok = 0, bad = 0;
        for (int i = 0; i <= seconds; i++) {
            ok += served.get(i);
            bad += failed.get(i);
        }
        System.out.printf("pages and posts answered %d, failed %d; voices posted %d (%d sent again after no answer,"
                + " %d answered other than 303), home answered signed-out %d%n", ok, bad, posted.get(), resent.get(),
                refused.get(), signedOut.get());
        System.out.printf("sessions after the load: %d of %d still signed in, %d not%n", stillIn, sessions.size(),
                lost);
    }

    static Thread started(Runnable work) {
        Thread t = new Thread(work);
        t.start();
        return t;
    }

    static HttpResponse.BodyHandler<String> body() {
        return HttpResponse.BodyHandlers.ofString(SJIS);
    }

    static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", UA)
                .header("X-Forwarded-For", GATEWAY)
                .GET()
                .build();
    }

    static HttpRequest post(String url, String text, String key, String memberId) {
        String form = "body=" + URLEncoder.encode(text, SJIS) + "&key=" + key + "&_csrf=csrf" + memberId;
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("User-Agent", UA)
                .header("X-Forwarded-For", GATEWAY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
