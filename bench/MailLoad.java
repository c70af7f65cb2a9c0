// SMTP load for the inbound listener: diary (d.) or voice (v.) mails from the generated members' docomo addresses,
// over several connections; reports accepted/s, then waits until the spool has handled every mail and reports
// handled/s and the outcome counts. Run through bench/mail.sh (see bench/README.md).
//
//   java -cp target/classes:$(cat bench/out/classpath) bench/MailLoad.java --port 2525 --connections 8 --mails 20000 \
//        --kind d --db jdbc:postgresql://127.0.0.1:5432/keitai_bench --domain bench.example.jp

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

public class MailLoad {

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        String host = a.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(a.getOrDefault("port", "2525"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "8"));
        int mails = Integer.parseInt(a.getOrDefault("mails", "20000"));
        String kind = a.getOrDefault("kind", "d");
        String domain = a.getOrDefault("domain", "localhost");
        String db = a.getOrDefault("db", "jdbc:postgresql://127.0.0.1:5432/keitai_bench");
        List<String[]> members = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a.getOrDefault("addresses", "bench/out/addresses.txt")))) {
            members.add(line.split(" "));
        }
        long run = System.currentTimeMillis();
        long before;
        long lastSpool;
        long lastDiary;
        try (Connection c = DriverManager.getConnection(db, "postgres", "")) {
            before = count(c, "select count(*) from mail_spool");
            lastSpool = count(c, "select coalesce(max(id), 0) from mail_spool");
            lastDiary = count(c, "select coalesce(max(id), 0) from diary");
        }
        long clientCpu0 = cpuNanos();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        // DATA→250: from the first byte of the message to the answer (the spool commit is in it)
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        long t0 = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int k = 0; k < connections; k++) {
            done.add(pool.submit(() -> {
                try (Socket s = new Socket(host, port)) {
                    // without it the message and its "." go out as two segments, and Nagle holds the second until
                    // the server's delayed ACK (40 ms): every mail then "takes" 40 ms, whatever the server does
                    s.setTcpNoDelay(true);
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                    OutputStream out = s.getOutputStream();
                    reply(in);
                    send(out, "EHLO bench.example\r\n");
                    reply(in);
                    int i;
                    while ((i = next.getAndIncrement()) < mails) {
                        String[] m = members.get(i % members.size());
                        String secret = kind.equals("d") ? m[2] : m[3];
                        send(out, "MAIL FROM:<" + m[1] + ">\r\n");
                        reply(in);
                        send(out, "RCPT TO:<" + kind + "." + secret + "@" + domain + ">\r\n");
                        if (!reply(in).startsWith("250")) {
                            refused.incrementAndGet();
                            send(out, "RSET\r\n");
                            reply(in);
                            continue;
                        }
                        send(out, "DATA\r\n");
                        reply(in);
                        long sent = System.nanoTime();
                        byte[] body = message(m[1], domain, run, i);
                        byte[] all = java.util.Arrays.copyOf(body, body.length + 3);
                        all[body.length] = '.';
                        all[body.length + 1] = '\r';
                        all[body.length + 2] = '\n';
                        out.write(all);
                        out.flush();
                        String answer = reply(in);
                        latencies.add(System.nanoTime() - sent);
                        if (answer.startsWith("250")) {
                            accepted.incrementAndGet();
                        } else {
                            refused.incrementAndGet();
                        }
                    }
                    send(out, "QUIT\r\n");
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double sendSeconds = (System.nanoTime() - t0) / 1e9;
        long clientCpu = cpuNanos() - clientCpu0;
        System.out.printf("accepted %d (refused %d) in %.1f s: %.0f mails/s over %d connections%n",
                accepted.get(), refused.get(), sendSeconds, accepted.get() / sendSeconds, connections);
        List<Long> sorted = new ArrayList<>(latencies);
        java.util.Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            System.out.printf("DATA to 250: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
        }
        try (Connection c = DriverManager.getConnection(db, "postgres", "")) {
            // this run's rows: after the last row before it, and with its Message-IDs. The wait asks five times a second
            // for the oldest row still new, from the one it found last time on, which the spool's (state, id) index
            // answers from there: counting the spool (24 ms of PostgreSQL's CPU at 90,000 rows) or even this run's rows
            // still new (19 ms: the index holds two dead entries for every row handled until a vacuum) took CPU from
            // the workers it measures
            String mine = " from mail_spool where id > " + lastSpool + " and message_id like '<bench." + run + ".%'";
            long oldest = lastSpool + 1;
            while ((oldest = count(c, "select coalesce((select id from mail_spool where state = 'new' and id >= "
                            + oldest + " order by id limit 1), -1)")) > 0) {
                Thread.sleep(200);
            }
            double handledSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("handled all in %.1f s: %.0f mails/s end to end%n", handledSeconds,
                    accepted.get() / handledSeconds);
            try (ResultSet rs = c.createStatement().executeQuery(
                    "select state, count(*)" + mine + " group by state")) {
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1) + ": " + rs.getLong(2));
                }
            }
            System.out.println("spool rows before " + before + ", now " + count(c, "select count(*) from mail_spool"));
            if (kind.equals("d")) {
                // every mail one diary: as many new diaries as mails accepted, each title (it holds the mail's number) once
                String posted = " from diary where id > " + lastDiary + " and via_mail and title like 'ベンチ日記%'";
                System.out.println("diaries posted " + count(c, "select count(*)" + posted) + ", distinct "
                        + count(c, "select count(distinct title)" + posted) + ", for " + accepted.get() + " mails");
            }
            System.out.printf("client CPU while sending %.2f ms per mail%n", clientCpu / 1e6 / Math.max(1, accepted.get()));
        }
    }

    /** This load generator's own CPU time (it shares the cores with the server and PostgreSQL). */
    static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    static long count(Connection c, String sql) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static final Charset SJIS = Charset.forName("Windows-31J");

    /** A docomo-style Shift_JIS mail with a B-encoded subject and a unique Message-ID. */
    static byte[] message(String from, String domain, long run, int i) {
        String subject = "=?Shift_JIS?B?" + Base64.getEncoder().encodeToString(("ベンチ日記" + i).getBytes(SJIS)) + "?=";
        String body = "今日は会社の帰りに友だちとラーメンを食べた～。" + i + "\r\n";
        String head = "From: " + from + "\r\nTo: x@" + domain + "\r\nSubject: " + subject + "\r\nMessage-ID: <bench." + run
                + "." + i + "@docomo.ne.jp>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=Shift_JIS\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] b = body.getBytes(SJIS);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }

    static void send(OutputStream out, String line) throws Exception {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one (possibly multi-line) SMTP reply and returns its last line. */
    static String reply(BufferedReader in) throws Exception {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IllegalStateException("connection closed");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }
}
