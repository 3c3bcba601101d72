package io.coffer.model;

/**
 * What every request needs to know about a bucket it names: which one it is (the internal ID of
 * this generation of the name, see {@link Bucket#id()}) and who owns it.
 */
public record BucketRef(String id, long ownerId) {}
