package io.coffer.service;

import java.util.Map;

/**
 * A part as the client names it when completing an upload.
 *
 * @param checksums checksum values the client lists for the part, keyed by algorithm name
 */
public record CompletedPartSpec(int partNumber, String etag, Map<String, String> checksums) {}
