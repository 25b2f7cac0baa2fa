package io.devstack.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The requests built to exhaust an API (issue 9, point 2), sent over raw sockets so nothing in a client library
 * shortens them: 10 MiB of nested objects, a 1 GiB streamed body, a 100 KiB header block, 200 query parameters and
 * a sender that dribbles its request over three seconds. Each must get a 4xx (or, for the streamed body, an early
 * close once refused) and the API must stay up.
 */
final class BadInputs {

    private static final int MIB = 1024 * 1024;
    private static final long GIB = 1024L * MIB;
    private static final int TIMEOUT_MILLIS = 30_000;

    private BadInputs() {}

    static void send(URI api, Observations observed) {
        byte[] nested = ("[" + "{},".repeat(10 * MIB / 3 - 1) + "{}]").getBytes(StandardCharsets.US_ASCII);
        for (String path :
                new String[] {"/examples/messaging/publish?queue_name=fault-bad", "/examples/cache/fault-bad"}) {
            record(observed, exchange(api, head("POST", path, "Content-Length: " + nested.length), nested));
            streamed(api, path, observed);
        }
        String bigHeaders =
                ("X-Filler: " + "h".repeat(1_000) + "\r\n").repeat(100).strip();
        record(observed, exchange(api, head("GET", "/health/", bigHeaders), new byte[0]));
        record(
                observed,
                exchange(api, head("GET", "/examples/cache/k?" + "p=1&".repeat(199) + "p=1", null), new byte[0]));
        record(observed, slowSender(api));
    }

    private static void record(Observations observed, Optional<Integer> status) {
        status.ifPresentOrElse(s -> observed.status(s, true), observed::hang);
    }

    private static String head(String method, String path, String extraHeaders) {
        return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + (extraHeaders == null ? "" : extraHeaders + "\r\n") + "Connection: close\r\n\r\n";
    }

    /** Sends head and body, reads the status line; empty when none came within the timeout. */
    private static Optional<Integer> exchange(URI api, String head, byte[] body) {
        try (Socket socket = connect(api)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            try {
                out.write(body);
                out.flush();
            } catch (IOException refusedWhileSending) {
                // the server answered and closed before the whole body was sent: read what it said
            }
            return status(socket.getInputStream());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** 1 GiB of {@code [{},{},…} in chunks: the API must answer (413) or close long before the end. */
    private static void streamed(URI api, String path, Observations observed) {
        try (Socket socket = connect(api)) {
            OutputStream out = socket.getOutputStream();
            out.write(head("POST", path, "Transfer-Encoding: chunked").getBytes(StandardCharsets.ISO_8859_1));
            byte[] data = new byte[64 * 1024];
            Arrays.fill(data, (byte) ' ');
            data[0] = '[';
            byte[] chunkHead = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long sent = 0;
            try {
                while (sent < GIB) {
                    out.write(chunkHead);
                    out.write(data);
                    out.write('\r');
                    out.write('\n');
                    sent += data.length;
                    data[0] = ' ';
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                Optional<Integer> status = status(socket.getInputStream());
                status.ifPresentOrElse(s -> observed.status(s, true), observed::closedEarly);
                return;
            }
            record(observed, status(socket.getInputStream()));
        } catch (IOException e) {
            observed.closedEarly();
        }
    }

    /** The request head of GET /health/ in ten pieces over three seconds: slow, but complete, so it is served. */
    private static Optional<Integer> slowSender(URI api) {
        byte[] head = head("GET", "/health/", null).getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = connect(api)) {
            OutputStream out = socket.getOutputStream();
            int step = head.length / 10 + 1;
            for (int i = 0; i < head.length; i += step) {
                out.write(head, i, Math.min(step, head.length - i));
                out.flush();
                Thread.sleep(300);
            }
            return status(socket.getInputStream());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static Socket connect(URI api) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(api.getHost(), api.getPort()), 2_000);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
    }

    private static Optional<Integer> status(InputStream in) {
        try {
            byte[] line = new byte[12];
            int read = in.readNBytes(line, 0, line.length);
            String text = new String(line, 0, read, StandardCharsets.ISO_8859_1);
            return text.startsWith("HTTP/1.1 ") && read == 12
                    ? Optional.of(Integer.parseInt(text.substring(9, 12)))
                    : Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Resident memory of the API's process, from {@code /proc}; {@code -1} when unknown. */
    static long rssBytes(String module) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(module + ".jar"))
                .findFirst()
                .map(p -> {
                    try {
                        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"))) {
                            if (line.startsWith("VmRSS:")) {
                                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                            }
                        }
                    } catch (IOException ignored) {
                        // gone: reported as unknown
                    }
                    return -1L;
                })
                .orElse(-1L);
    }
}
