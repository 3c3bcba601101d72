package io.coffer.service;

import io.coffer.model.ObjectMeta;

/**
 * What a conditional read finds: the object opened for reading, or that the client's copy is
 * current (304 Not Modified, which repeats the object's validators).
 */
public sealed interface ReadResult permits ObjectRead, ReadResult.NotModified {

  /** The object the conditions were evaluated on, unopened. */
  record NotModified(ObjectMeta meta) implements ReadResult {}
}
