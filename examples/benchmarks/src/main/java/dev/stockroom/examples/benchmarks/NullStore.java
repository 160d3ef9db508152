package dev.stockroom.examples.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback S3 endpoint that takes every PutObject and stores nothing: each request's body is
 * read to its end and answered 200 with an ETag. A client's memory over 100,000 uploads can then
 * be measured without the store's own cost per object (S3Mock slows down as a bucket fills)
 * deciding how long the run takes. Only for the heap benchmarks: it answers nothing else.
 */
final class NullStore implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(64, runnable -> {
    Thread thread = new Thread(runnable, "null-store");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicLong puts = new AtomicLong();

  NullStore() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Returns the endpoint, for path-style requests. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Returns how many objects were put. */
  long puts() {
    return puts.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      body.transferTo(java.io.OutputStream.nullOutputStream());
    }
    if (exchange.getRequestMethod().equals("PUT")) {
      puts.incrementAndGet();
      exchange.getResponseHeaders().set("ETag", "\"d41d8cd98f00b204e9800998ecf8427e\"");
      exchange.sendResponseHeaders(200, -1);
    } else {
      exchange.sendResponseHeaders(501, -1);
    }
    exchange.close();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
