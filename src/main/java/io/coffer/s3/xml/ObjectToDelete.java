package io.coffer.s3.xml;

import org.jspecify.annotations.Nullable;

/**
 * One Object of a DeleteObjects request.
 *
 * @param key the key exactly as sent: not trimmed, character references resolved
 * @param versionId the version to delete exactly as sent, or null when none was given
 */
public record ObjectToDelete(String key, @Nullable String versionId) {}
