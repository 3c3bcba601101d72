package io.coffer.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing.
 *
 * @param lastReturned the greatest key or common prefix in this page, used as the next marker or
 *     continuation; null when the page is empty
 */
public record ListPage(
    List<ListedObject> objects,
    List<String> commonPrefixes,
    boolean truncated,
    @Nullable String lastReturned) {}
