package io.coffer.s3.xml;

import java.util.List;

/**
 * A parsed DeleteObjects request.
 *
 * @param quiet report only failures, not every deleted key
 * @param objects 1 to 1000 objects in document order, duplicates kept as sent
 */
public record DeleteObjectsRequest(boolean quiet, List<ObjectToDelete> objects) {
  public DeleteObjectsRequest {
    objects = List.copyOf(objects);
  }
}
