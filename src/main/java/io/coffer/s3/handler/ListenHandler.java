package io.coffer.s3.handler;

import io.coffer.http.HttpResponse;
import io.coffer.s3.request.S3Operation;
import io.coffer.s3.request.S3Request;
import io.coffer.service.notification.LiveEvents;
import io.coffer.service.notification.LiveListener;
import java.time.Duration;

/**
 * ListenBucketNotification (MinIO's, for {@code mc watch}): a response that never ends by itself,
 * streaming one line of JSON per event. Between events it writes what MinIO writes, so that a
 * client can tell a quiet bucket from a dead connection (and the server notices a client that has
 * gone): a blank every half second, or with {@code ping=N} an empty-records line every N seconds.
 */
public final class ListenHandler {
  /** MinIO's keep-alive interval when no ping is asked for. */
  static final Duration KEEP_ALIVE = Duration.ofMillis(500);

  private final LiveEvents live;

  public ListenHandler(LiveEvents live) {
    this.live = live;
  }

  HttpResponse listen(S3Request request, S3Operation.ListenBucketNotification op) {
    LiveListener listener =
        live.listen(request.caller(), op.bucket(), op.events(), op.prefix(), op.suffix());
    Integer ping = op.pingSeconds();
    ListenStream stream =
        ping == null
            ? new ListenStream(listener, KEEP_ALIVE, new byte[] {' '})
            : new ListenStream(listener, Duration.ofSeconds(ping), LiveListener.ping());
    return new HttpResponse(200)
        .header("Content-Type", "text/event-stream")
        .header("Cache-Control", "no-cache")
        .header("X-Accel-Buffering", "no")
        .body(new HttpResponse.Body.Stream(stream, -1));
  }
}
