package io.coffer.s3.request;

import io.coffer.crypto.CustomerKey;
import io.coffer.model.ByteRange;
import io.coffer.service.ReadConditions;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a GetObject or HeadObject asks for besides the key.
 *
 * @param range the Range header's single byte range, or null for the whole object
 * @param partNumber the part to read (partNumber), or null
 * @param conditions If-Match, If-None-Match, If-Modified-Since, If-Unmodified-Since
 * @param responseOverrides response headers to set instead of the stored ones (response-*
 *     parameters), by header name
 * @param checksumMode whether the stored checksum is returned (x-amz-checksum-mode: ENABLED)
 * @param versionId the version asked for: null or "null", the only version without versioning
 * @param customerKey the SSE-C key the object was written with, or null
 */
public record ReadParameters(
    @Nullable ByteRange range,
    @Nullable Integer partNumber,
    ReadConditions conditions,
    Map<String, String> responseOverrides,
    boolean checksumMode,
    @Nullable String versionId,
    @Nullable CustomerKey customerKey) {}
