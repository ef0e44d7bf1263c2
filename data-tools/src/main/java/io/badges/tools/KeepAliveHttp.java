package io.badges.tools;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A small blocking HTTP/1.1 client for one host:port that keeps its connections open (a pool of
 * sockets, each used by one thread at a time), for the load tools that share the two cores with the
 * services they measure. With the JDK's {@code HttpClient}, {@link ProjectionLag} took 655-817 µs of
 * CPU per request at 500 single awards/s, a third of a core; with this one 174-262 µs
 * (docs/benchmarks.md, "Projection lag"). It writes a request's bytes and reads its status, headers
 * and body (by {@code Content-Length}, chunked, or to the end of the connection), and nothing else:
 * no redirects, no TLS, no HTTP/2, no HEAD.
 */
final class KeepAliveHttp implements Closeable {

    record Response(int status, String body) {
    }

    /**
     * A connection idle longer than this is closed rather than used: the server closes it after its
     * own keep-alive timeout (Tomcat: 60 s), and a request written to it then fails, which only a
     * GET may safely repeat. The pool hands out the most recently used connection first, so the
     * ones left over from a burst sit idle at its other end.
     */
    static final java.time.Duration MAX_IDLE = java.time.Duration.ofSeconds(10);

    private final String host;
    private final int port;
    private final String hostHeader;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();
    private final long maxIdleNanos;

    KeepAliveHttp(URI base) {
        this(base, MAX_IDLE);
    }

    KeepAliveHttp(URI base, java.time.Duration maxIdle) {
        this.maxIdleNanos = maxIdle.toNanos();
        this.host = base.getHost();
        this.port = base.getPort() == -1 ? 80 : base.getPort();
        this.hostHeader = host + ":" + port;
        if (!"http".equals(base.getScheme())) {
            throw new IllegalArgumentException("plain http only, not " + base);
        }
    }

    /** GET {@code path}; a pooled connection the server had closed meanwhile is replaced once. */
    Response get(String path, String... headers) throws IOException {
        return exchange("GET", path, null, true, headers);
    }

    /**
     * POST {@code body} as JSON. Not repeated on another connection when one fails: the server may
     * have acted on it.
     */
    Response postJson(String path, String body, String... headers) throws IOException {
        return exchange("POST", path, body.getBytes(StandardCharsets.UTF_8), false, headers);
    }

    private Response exchange(String method, String path, byte[] body, boolean repeatable, String... headers)
            throws IOException {
        StringBuilder head = new StringBuilder(160).append(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: ").append(hostHeader).append("\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        byte[] request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        Connection connection = idle.pollFirst();
        while (connection != null && System.nanoTime() - connection.lastUsed > maxIdleNanos) {
            connection.close();
            connection = idle.pollFirst();
        }
        boolean reused = connection != null;
        try {
            return exchangeOn(reused ? connection : new Connection(host, port), request, body);
        } catch (IOException e) {
            if (reused && repeatable) {  // the server may have closed it meanwhile: once more, on a new one
                return exchangeOn(new Connection(host, port), request, body);
            }
            throw e;
        }
    }

    private Response exchangeOn(Connection connection, byte[] request, byte[] body) throws IOException {
        try {
            Response response = connection.exchange(request, body);
            connection.lastUsed = System.nanoTime();
            if (connection.open) {
                idle.offerFirst(connection);
            } else {
                connection.close();
            }
            return response;
        } catch (IOException | RuntimeException e) {  // a broken or unreadable answer: the socket is not reused
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = idle.pollFirst()) != null) {
            connection.close();
        }
    }

    /** One socket; {@code open} is false once the server said it closes the connection. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        /** The bytes read from the socket and not yet consumed: buffer[position, limit). */
        private final byte[] buffer = new byte[8_192];
        private int position;
        private int limit;
        private boolean open = true;
        private long lastUsed;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 5_000);
                socket.setSoTimeout(60_000);
                out = socket.getOutputStream();
                in = socket.getInputStream();
            } catch (IOException e) {
                socket.close();  // a refused or timed-out connect leaves no open descriptor behind
                throw e;
            }
        }

        Response exchange(byte[] head, byte[] body) throws IOException {
            if (body == null) {
                out.write(head);
            } else {
                byte[] whole = new byte[head.length + body.length];
                System.arraycopy(head, 0, whole, 0, head.length);
                System.arraycopy(body, 0, whole, head.length, body.length);
                out.write(whole);
            }
            out.flush();
            String statusLine;
            int status;
            long length;
            boolean chunked;
            do {  // an interim 1xx answer (100 Continue, 103 Early Hints) precedes the final one
                statusLine = line();
                if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                    throw new IOException("not an HTTP/1.x answer: " + statusLine);
                }
                status = (int) number(statusLine.substring(9, 12), 10);
                length = -1;
                chunked = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    int colon = header.indexOf(':');
                    String name = header.substring(0, Math.max(colon, 0)).trim().toLowerCase(Locale.ROOT);
                    String value = header.substring(colon + 1).trim();
                    switch (name) {
                        case "content-length" -> length = number(value, 10);
                        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                        case "connection" -> open &= !value.equalsIgnoreCase("close");
                        default -> { }
                    }
                }
            } while (status < 200);
            if (statusLine.startsWith("HTTP/1.0")) {
                open = false;
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            if (status == 204 || status == 304) {
                return new Response(status, "");  // no body, whatever the headers describe (RFC 9110 6.4.1)
            }
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size, content);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                copy(length, content);
            } else {
                copy(Long.MAX_VALUE, content);  // delimited by the end of the connection
                open = false;
            }
            return new Response(status, content.toString(StandardCharsets.UTF_8));
        }

        private static long number(String digits, int radix) throws IOException {
            try {
                return Long.parseLong(digits.trim(), radix);
            } catch (NumberFormatException e) {
                throw new IOException("not a number in an HTTP answer: " + digits);
            }
        }

        private long chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return number(extension < 0 ? size : size.substring(0, extension), 16);
        }

        /** {@code length} bytes into {@code to}; {@code Long.MAX_VALUE}: up to the end of the connection. */
        private void copy(long length, ByteArrayOutputStream to) throws IOException {
            for (long left = length; left > 0; ) {
                if (position == limit && !fill()) {
                    if (length == Long.MAX_VALUE) {
                        return;
                    }
                    throw new IOException("the connection ended inside a body");
                }
                int n = (int) Math.min(limit - position, left);
                to.write(buffer, position, n);
                position += n;
                left -= n;
            }
        }

        private boolean fill() throws IOException {
            int read = in.read(buffer);
            if (read <= 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        /** One line without its CRLF (ISO-8859-1, as HTTP's header octets are). */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                if (position == limit && !fill()) {
                    throw new IOException("the connection ended inside a response's head");
                }
                byte c = buffer[position++];
                if (c == '\n') {
                    return line.toString();
                }
                if (c != '\r') {
                    line.append((char) (c & 0xff));
                }
            }
        }

        void close() {
            open = false;
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
