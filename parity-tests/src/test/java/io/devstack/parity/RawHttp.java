package io.devstack.parity;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client over a plain socket: it sends exactly the bytes a scenario describes (malformed
 * request lines, lying Content-Length, chunked bodies, a chosen source address for fresh rate-limit budgets) and
 * keeps response headers exactly as the server wrote them. {@code java.net.http} refuses most of that.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {}

    /** A response as received: headers in wire order with their original names. */
    record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {

        /** All values of a header, case-insensitively. */
        List<String> all(String name) {
            return headers.stream()
                    .filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .toList();
        }

        /** The single value of a header, {@code null} when absent (several values are joined with ", "). */
        String header(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : String.join(", ", values);
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code head} (request line and headers, without the blank line) and {@code body}, then reads one response.
     * The body is written from another thread, so a server that answers early (413) and stops reading is still heard.
     */
    static Response exchange(URI base, InetAddress source, String head, byte[] body, boolean chunked)
            throws IOException {
        try (Socket socket = new Socket()) {
            if (source != null) {
                socket.bind(new InetSocketAddress(source, 0));
            }
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread writer = Thread.ofVirtual().start(() -> writeBody(out, body, chunked));
            try {
                return read(new BufferedInputStream(socket.getInputStream()), head.startsWith("HEAD "));
            } finally {
                writer.interrupt();
            }
        }
    }

    private static void writeBody(OutputStream out, byte[] body, boolean chunked) {
        try {
            if (chunked) {
                int chunk = 64 * 1024;
                for (int offset = 0; offset < body.length; offset += chunk) {
                    int length = Math.min(chunk, body.length - offset);
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, offset, length);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else if (body.length > 0) {
                out.write(body);
            }
            out.flush();
        } catch (IOException serverStoppedReading) {
            // the server answered before reading the whole body (413): the response is what matters
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without a response");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.add(Map.entry(
                    line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        Response headOnly = new Response(status, headers, new byte[0]);
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            return headOnly;
        }
        String encoding = headOnly.header("Transfer-Encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new Response(status, headers, chunked(in));
        }
        String length = headOnly.header("Content-Length");
        return new Response(
                status, headers, length != null ? in.readNBytes(Integer.parseInt(length)) : in.readAllBytes());
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int length = Integer.parseInt(size.split(";", 2)[0].strip(), 16);
            if (length == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not part of the contract
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1; {@code null} at end of stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}
