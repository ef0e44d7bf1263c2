package io.badges.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the JDK's own HTTP server on a free port: bodies by length and chunked, reuse, close. */
class KeepAliveHttpTest {

    private HttpServer server;
    private KeepAliveHttp http;
    /** The client's port of each request: one value per connection the client opened. */
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = server(0);
        http = new KeepAliveHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    private HttpServer server(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/fixed", exchange -> answer(exchange, 200, "{\"id\":\"a\"}", false));
        server.createContext("/chunked", exchange -> answer(exchange, 200, "x".repeat(20_000), true));
        server.createContext("/missing", exchange -> {
            record(exchange);
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.createContext("/echo", exchange -> answer(exchange, 201,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), false));
        server.createContext("/closing", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            answer(exchange, 200, "bye", false);
        });
        server.start();
        return server;
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
    }

    @Test
    void readsBodiesByLengthAndChunkedAndKeepsTheConnection() throws IOException {
        assertThat(http.get("/fixed")).isEqualTo(new KeepAliveHttp.Response(200, "{\"id\":\"a\"}"));
        assertThat(http.get("/chunked").body()).hasSize(20_000).matches("x+");
        assertThat(http.get("/missing")).isEqualTo(new KeepAliveHttp.Response(404, ""));
        assertThat(http.get("/fixed").status()).isEqualTo(200);

        assertThat(clientPorts).hasSize(4);
        assertThat(clientPorts.stream().distinct()).hasSize(1);
    }

    @Test
    void postsJsonWithTheGivenHeaders() throws IOException {
        KeepAliveHttp.Response response = http.postJson("/echo", "{\"name\":\"Zoë\"}", "Authorization", "Bearer k");

        assertThat(response).isEqualTo(new KeepAliveHttp.Response(201, "{\"name\":\"Zoë\"}"));
        assertThat(seen).containsExactly("POST /echo Bearer k application/json");
    }

    @Test
    void opensANewConnectionAfterTheServerSaidItCloses() throws IOException {
        assertThat(http.get("/closing").body()).isEqualTo("bye");
        assertThat(http.get("/fixed").status()).isEqualTo(200);

        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(0)).isNotEqualTo(clientPorts.get(1));
    }

    /** A restarted server has closed the pooled connection: a GET is repeated once, a POST is not. */
    @Test
    void repeatsAGetButNotAPostOnAConnectionTheServerClosed() throws IOException {
        assertThat(http.get("/fixed").status()).isEqualTo(200);
        assertThat(http.postJson("/echo", "{}").status()).isEqualTo(201);
        int port = server.getAddress().getPort();
        server.stop(0);
        server = server(port);

        assertThat(http.get("/fixed").status()).isEqualTo(200);
        assertThat(clientPorts).hasSize(3);
        assertThat(clientPorts.get(2)).isNotEqualTo(clientPorts.get(0));

        http.postJson("/echo", "{}");  // a new connection, pooled after this answer
        server.stop(0);
        server = server(port);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.postJson("/echo", "{}"))
                .isInstanceOf(IOException.class);
        assertThat(clientPorts).hasSize(4);  // the failed POST never reached the new server
    }

    @Test
    void doesNotUseAConnectionIdleLongerThanAllowed() throws Exception {
        try (KeepAliveHttp brief = new KeepAliveHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                java.time.Duration.ofMillis(1))) {
            assertThat(brief.postJson("/echo", "{}").status()).isEqualTo(201);
            Thread.sleep(5);
            assertThat(brief.postJson("/echo", "{}").status()).isEqualTo(201);
        }

        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(0)).isNotEqualTo(clientPorts.get(1));
    }

    private void answer(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
        record(exchange);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void record(HttpExchange exchange) {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " "
                + exchange.getRequestHeaders().getFirst("Content-Type"));
    }
}
