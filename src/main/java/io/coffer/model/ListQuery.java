package io.coffer.model;

import org.jspecify.annotations.Nullable;

/**
 * A page request over a bucket's keys in UTF-8 binary order.
 *
 * @param prefix only keys starting with this ("" for all)
 * @param delimiter groups keys sharing the prefix up to the first delimiter after the prefix into
 *     one common prefix; null or empty for none
 * @param after return only keys (and common prefixes) strictly greater than this; null for none
 * @param maxKeys upper bound of objects plus common prefixes in the page (0 yields an empty page)
 */
public record ListQuery(
    String bucket,
    String prefix,
    @Nullable String delimiter,
    @Nullable String after,
    int maxKeys) {}
