package dev.stockroom.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback front for S3Mock that, for requests matching a rule, answers at once with an S3
 * error and closes the connection without reading the request's body — as S3Proxy and some
 * S3-compatible stores do. Other requests are relayed to S3Mock byte for byte. Every connection
 * carries one request (the relayed head gets {@code Connection: close}), so each request, a retry
 * included, is seen here.
 */
public final class EarlyAnswerProxy implements AutoCloseable {

  /** An early answer: the HTTP status, S3's error code and message. */
  public record Answer(int status, String code, String message) {

    public Answer(int status, String code) {
      this(status, code, "answered before the body was read");
    }
  }

  private final ServerSocket server;
  private final URI upstream;
  private final Predicate<String> matches;
  private final Answer answer;
  private final AtomicInteger remaining;
  private final AtomicInteger answered = new AtomicInteger();
  private final Thread acceptor;

  /**
   * Answers the first {@code times} requests whose request line matches {@code rule} (e.g. {@code
   * "PUT /"}) with {@code answer}; {@code times < 0} answers every one.
   */
  public EarlyAnswerProxy(Predicate<String> rule, Answer answer, int times) {
    this.upstream = SharedS3Mock.endpoint();
    this.matches = rule;
    this.answer = answer;
    this.remaining = new AtomicInteger(times < 0 ? Integer.MAX_VALUE : times);
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.acceptor = new Thread(this::accept, "early-answer-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Returns a rule matching PUT requests (PutObject and UploadPart). */
  public static Predicate<String> puts() {
    return line -> line.startsWith("PUT ");
  }

  /** Returns the endpoint to use instead of S3Mock's. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** Returns how many requests were answered early. */
  public int answered() {
    return answered.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Thread handler = new Thread(() -> handle(client), "early-answer-connection");
        handler.setDaemon(true);
        handler.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void handle(Socket client) {
    try (client) {
      byte[] head = readHead(client.getInputStream());
      String requestLine = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", 2)[0];
      if (matches.test(requestLine) && remaining.getAndDecrement() > 0) {
        answered.incrementAndGet();
        answerEarly(client.getOutputStream());
        // then read and drop what the client still sends, as an HTTP server does: closing with
        // unread bytes would reset the connection and the client would never see the answer
        client.shutdownOutput();
        client.setSoTimeout(5_000);
        client.getInputStream().transferTo(OutputStream.nullOutputStream());
        return;
      }
      relay(client, withConnectionClose(head));
    } catch (IOException broken) {
      // the client went away: nothing to do
    }
  }

  private void answerEarly(OutputStream out) throws IOException {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + answer.code()
        + "</Code><Message>" + answer.message() + "</Message></Error>")
        .getBytes(StandardCharsets.UTF_8);
    out.write(("HTTP/1.1 " + answer.status() + " Early\r\nContent-Type: application/xml\r\n"
        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private void relay(Socket client, byte[] head) throws IOException {
    try (Socket s3 = new Socket(upstream.getHost(), upstream.getPort())) {
      s3.getOutputStream().write(head);
      Thread up = new Thread(() -> copy(client, s3), "early-answer-upload");
      up.setDaemon(true);
      up.start();
      copy(s3, client);
    }
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException closed) {
      // either side closed: the relay ends
    }
  }

  /** Reads up to and including the blank line that ends the request's head. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside a request head");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  private static byte[] withConnectionClose(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1)
        .replaceAll("(?im)^connection:[^\r\n]*\r\n", "");
    return text.replaceFirst("\r\n\r\n$", "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
