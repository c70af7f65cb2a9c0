// Posting mails for the kill -9 test (bench/crash-mail.sh): sends diary (d.) mails over several connections and writes
// the number of every mail the server accepted (answered 250 after DATA) to a file, one per line, as soon as the answer
// arrives. A connection the server drops (the kill) ends that connection's sending; the mail in flight on it was not
// accepted. The script then checks the database against that file: every accepted mail exactly one diary.
//
//   java -cp target/classes:$(cat bench/out/classpath) bench/CrashMail.java --port 2626 --connections 8 --mails 10000 \
//        --run 1733400000 --addresses bench/out/crash/addresses.txt --domain bench.example.jp --accepted accepted.txt

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

public class CrashMail {

    static final Charset SJIS = Charset.forName("Windows-31J");

    public static void main(String[] argv) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            a.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
        }
        int port = Integer.parseInt(a.get("port"));
        int connections = Integer.parseInt(a.getOrDefault("connections", "8"));
        int mails = Integer.parseInt(a.getOrDefault("mails", "10000"));
        String run = a.get("run");
        String domain = a.getOrDefault("domain", "bench.example.jp");
        List<String[]> members = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a.get("addresses")))) {
            members.add(line.split(" "));
        }
        // --skip: the mails accepted before (a second pass resends the rest, as a sending MTA retries)
        java.util.Set<Integer> skip = new java.util.HashSet<>();
        if (a.containsKey("skip")) {
            for (String line : Files.readAllLines(Path.of(a.get("skip")))) {
                skip.add(Integer.parseInt(line.trim()));
            }
        }
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < mails; i++) {
            if (!skip.contains(i)) {
                todo.add(i);
            }
        }
        // --pause-ms: each connection waits this long after each mail, to spread the mails over a test's time
        long pause = Long.parseLong(a.getOrDefault("pause-ms", "0"));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger dropped = new AtomicInteger();
        try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(Path.of(a.get("accepted"))), true)) {
            List<Thread> threads = new ArrayList<>();
            for (int k = 0; k < connections; k++) {
                Thread t = new Thread(() -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                        s.setTcpNoDelay(true);
                        BufferedReader in = new BufferedReader(
                                new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                        OutputStream out = s.getOutputStream();
                        reply(in);
                        send(out, "EHLO crash.example\r\n");
                        reply(in);
                        int n;
                        while ((n = next.getAndIncrement()) < todo.size()) {
                            int i = todo.get(n);
                            String[] m = members.get(i % members.size());
                            send(out, "MAIL FROM:<" + m[1] + ">\r\n");
                            reply(in);
                            send(out, "RCPT TO:<d." + m[2] + "@" + domain + ">\r\n");
                            if (!reply(in).startsWith("250")) {
                                send(out, "RSET\r\n");
                                reply(in);
                                continue;
                            }
                            send(out, "DATA\r\n");
                            reply(in);
                            out.write(message(m[1], domain, run, i));
                            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            if (reply(in).startsWith("250")) {
                                accepted.incrementAndGet();
                                synchronized (log) {
                                    log.println(i);
                                }
                            }
                            if (pause > 0) {
                                Thread.sleep(pause);
                            }
                        }
                        send(out, "QUIT\r\n");
                    } catch (Exception e) {
                        dropped.incrementAndGet(); // the server went away: this connection stops
                    }
                });
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        System.out.printf("accepted %d of %d sent, %d connections dropped%n",
                accepted.get(), Math.min(next.get(), todo.size()), dropped.get());
    }

    /** A docomo-style Shift_JIS diary mail whose subject carries the run and the mail's number. */
    static byte[] message(String from, String domain, String run, int i) {
        String subject = "=?Shift_JIS?B?"
                + Base64.getEncoder().encodeToString(("クラッシュ" + run + "-" + i).getBytes(SJIS)) + "?=";
        String head = "From: " + from + "\r\nTo: x@" + domain + "\r\nSubject: " + subject + "\r\nMessage-ID: <crash."
                + run + "." + i + "@docomo.ne.jp>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=Shift_JIS\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] b = ("落ちても一通は一つの日記に。" + i + "\r\n").getBytes(SJIS);
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        return all;
    }

    static void send(OutputStream out, String line) throws Exception {
        out.write(line.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

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
