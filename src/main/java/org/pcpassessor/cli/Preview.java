package org.pcpassessor.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The live preview of {@code watch --format html --serve}: serves the latest HTML report on the loopback address
 * only (JDK's built-in HTTP server, no dependency) and tells every open page to reload when a new one is published
 * (Server-Sent Events on /events, which the template's live script listens to).
 */
final class Preview implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "preview");
        t.setDaemon(true);
        return t;
    });
    private final List<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private volatile byte[] page = "<!DOCTYPE html><title>pcp-assessor</title><p>Building the report...</p>"
            .getBytes(StandardCharsets.UTF_8);

    Preview(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(threads);
        server.createContext("/", this::page);
        server.createContext("/events", this::events);
        server.start();
    }

    /** Where the page is served. */
    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Serves this page from now on and tells the open pages to reload. */
    void publish(byte[] html) {
        page = html.clone();
        for (OutputStream out : listeners) {
            try {
                out.write("data: reload\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                listeners.remove(out); // the page was closed
            }
        }
    }

    /**
     * Whether a request names this machine in its Host header: 127.0.0.1 or localhost, with this server's port or
     * none. A web page the user visits could otherwise point a name of its own at 127.0.0.1 (DNS rebinding) and read
     * the report: its requests name its own host, and are refused.
     */
    boolean local(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return false;
        }
        String port = String.valueOf(server.getAddress().getPort());
        for (String name : List.of("127.0.0.1", "localhost")) {
            if (host.equalsIgnoreCase(name) || host.equalsIgnoreCase(name + ":" + port)) {
                return true;
            }
        }
        return false;
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        byte[] body = "This preview answers only requests for 127.0.0.1 or localhost.\n".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(421, body.length);
        exchange.getResponseBody().write(body);
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!local(exchange)) {
                refuse(exchange);
                return;
            }
            if (!exchange.getRequestURI().getPath().equals("/")) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = page;
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        if (!local(exchange)) {
            try (exchange) {
                refuse(exchange);
            }
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        listeners.add(out); // kept open; written to by publish()
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
