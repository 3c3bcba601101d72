package io.coffer.model;

/** System-wide counters, read without scanning. */
public record Stats(
    long credentials,
    long buckets,
    long objects,
    long totalStorage,
    long activeMultipartUploads,
    long activePresignedUrls) {}
