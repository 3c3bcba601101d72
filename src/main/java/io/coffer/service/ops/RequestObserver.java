package io.coffer.service.ops;

/**
 * Told of every S3 request once its answer is ready, on the request's own thread: implementations
 * must be quick and must not block.
 */
@FunctionalInterface
public interface RequestObserver {
  RequestObserver NONE = request -> {};

  void completed(CompletedRequest request);
}
