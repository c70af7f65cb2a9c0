package jp.keitai.sns.mail.inbound;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A plain SMTP client for tests: every reply code is visible, the message goes over the wire as given. */
final class SmtpClient implements AutoCloseable {

    record Reply(int code, String text) {
        boolean ok() {
            return code / 100 == 2 || code / 100 == 3;
        }

        @Override
        public String toString() {
            return code + " " + text;
        }
    }

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    SmtpClient(String host, int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 10_000);
            socket.setSoTimeout(120_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            out = socket.getOutputStream();
            Reply greeting = read();
            if (greeting.code() != 220) {
                throw new IllegalStateException("greeting: " + greeting);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply command(String line) {
        try {
            out.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply ehlo() {
        return command("EHLO test.example");
    }

    Reply mail(String from) {
        return command("MAIL FROM:<" + from + ">");
    }

    Reply rcpt(String to) {
        return command("RCPT TO:<" + to + ">");
    }

    /** DATA, then the message with bare LF made CRLF and dot-stuffed, then the end mark; the final reply. */
    Reply data(byte[] message) {
        Reply go = command("DATA");
        if (go.code() != 354) {
            return go;
        }
        try {
            out.write(wire(message));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** DATA with a body streamed from {@code message} (for very large mails). */
    Reply data(InputStream message) {
        Reply go = command("DATA");
        if (go.code() != 354) {
            return go;
        }
        try {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = message.read(buf)) != -1) {
                out.write(buf, 0, n); // the caller's stream is already CRLF and dot-safe
            }
            out.write("\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One whole transaction; returns the first refusal, else the reply to the end of DATA. */
    static Reply send(int port, String from, String to, byte[] message) {
        try (SmtpClient c = new SmtpClient("127.0.0.1", port)) {
            c.ehlo();
            Reply r = c.mail(from);
            if (!r.ok()) {
                return r;
            }
            r = c.rcpt(to);
            if (!r.ok()) {
                return r;
            }
            return c.data(message);
        }
    }

    static byte[] wire(byte[] message) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(message.length + 1024);
        boolean lineStart = true;
        for (int i = 0; i < message.length; i++) {
            byte b = message[i];
            if (lineStart && b == '.') {
                o.write('.');
            }
            if (b == '\n' && (i == 0 || message[i - 1] != '\r')) {
                o.write('\r');
            }
            o.write(b);
            lineStart = b == '\n';
        }
        if (!lineStart) {
            o.write('\r');
            o.write('\n');
        }
        return o.toByteArray();
    }

    private Reply read() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(line.substring(0, 3));
            text.append(line.length() > 4 ? line.substring(4) : "");
            if (line.length() < 4 || line.charAt(3) != '-') {
                return new Reply(code, text.toString());
            }
            text.append('\n');
        }
    }

    @Override
    public void close() {
        try {
            command("QUIT");
        } catch (RuntimeException e) {
            // already closed by the server
        }
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }
}
