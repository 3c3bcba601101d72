package io.coffer.service;

import io.coffer.model.ObjectMeta;
import org.jspecify.annotations.Nullable;

/**
 * An object with where its bytes are, for the management API.
 *
 * @param storagePath relative to the data directory: the object's blob, the blob of its first part
 *     (the others lie beside it), or the metadata database for an object kept inline; null for a
 *     caller who has just written the object and may not read it
 */
public record ObjectDetails(ObjectMeta meta, @Nullable String storagePath) {}
