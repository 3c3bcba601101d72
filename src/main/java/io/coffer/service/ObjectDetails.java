package io.coffer.service;

import io.coffer.model.ObjectMeta;

/**
 * An object with where its bytes are, for the management API.
 *
 * @param storagePath relative to the data directory: the object's blob, the blob of its first part
 *     (the others lie beside it), or the metadata database for an object kept inline
 */
public record ObjectDetails(ObjectMeta meta, String storagePath) {}
