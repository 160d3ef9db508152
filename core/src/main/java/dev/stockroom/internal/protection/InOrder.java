package dev.stockroom.internal.protection;

import dev.stockroom.internal.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Runs one request per item, at most {@code window} at a time, and returns the answers in the
 * items' order. Waits on the caller's thread; the requests complete on the SDK's.
 */
final class InOrder {

  private InOrder() {}

  /**
   * Returns {@code request} applied to every item, in order; the first failure is rethrown once
   * the window it was in has ended.
   */
  static <T, R> List<R> map(List<T> items, int window,
      Function<T, CompletableFuture<R>> request) {
    List<R> answers = new ArrayList<>(items.size());
    for (int start = 0; start < items.size(); start += window) {
      List<CompletableFuture<R>> running = new ArrayList<>();
      for (T item : items.subList(start, Math.min(items.size(), start + window))) {
        running.add(Futures.capture(() -> request.apply(item)));
      }
      Futures.join(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
          .handle((done, failure) -> null));
      for (CompletableFuture<R> answer : running) {
        answers.add(Futures.join(answer));
      }
    }
    return answers;
  }
}
