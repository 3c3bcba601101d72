package io.coffer.service;

import io.coffer.model.Bucket;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * POST policies issued through the management API: the URL and the form fields a browser posts
 * (with its file) to upload straight to the S3 port, signed with SigV4 by a credential's secret.
 * What the form may do is what its policy says (one key or a key prefix, a size range, a content
 * type, until an expiry); who uploads is the credential, whose rights the S3 port checks again.
 */
public final class PresignedPostService {
  public static final long MAX_EXPIRES_SECONDS = 604_800;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final CredentialService credentials;
  private final BucketService buckets;
  private final PolicySigner signer;
  private final Supplier<String> endpoint;
  private final String region;
  private final Clock clock;

  /** The SigV4 signature of a base64 policy; the S3 front end knows how. */
  @FunctionalInterface
  public interface PolicySigner {
    String sign(String secretKey, String date, String region, String policy);
  }

  /**
   * What the form may upload.
   *
   * @param key the one key the form may write, or null with {@code keyPrefix}
   * @param keyPrefix the prefix every key must start with (the form's key field is the prefix and
   *     {@code ${filename}}), or null with {@code key}
   * @param minSize the smallest file in bytes, or null for 0
   * @param maxSize the largest file in bytes, or null for no bound but the server's
   * @param contentType the Content-Type the form sets, or null to let it choose
   */
  public record Request(
      String bucket,
      @Nullable String key,
      @Nullable String keyPrefix,
      long expiresIn,
      @Nullable Long minSize,
      @Nullable Long maxSize,
      @Nullable String contentType,
      String accessKey) {}

  /**
   * An issued policy: where to post and what to send.
   *
   * @param url where the form posts: the bucket's URL on the S3 port
   * @param fields the form's fields, in the order a form sends them (the file goes last)
   */
  public record Issued(String url, Map<String, String> fields, Instant expiresAt) {}

  public PresignedPostService(
      CredentialService credentials,
      BucketService buckets,
      PolicySigner signer,
      Supplier<String> endpoint,
      String region,
      Clock clock) {
    this.credentials = credentials;
    this.buckets = buckets;
    this.signer = signer;
    this.endpoint = endpoint;
    this.region = region;
    this.clock = clock;
  }

  public Issued issue(Caller caller, Request request) {
    if ((request.key() == null) == (request.keyPrefix() == null)) {
      throw invalid("Give exactly one of key and key_prefix.");
    }
    if (request.expiresIn() < 1 || request.expiresIn() > MAX_EXPIRES_SECONDS) {
      throw invalid("expires_in must be between 1 and 604800 seconds.");
    }
    long min = request.minSize() == null ? 0 : request.minSize();
    if (min < 0 || (request.maxSize() != null && request.maxSize() < min)) {
      throw invalid("min_size must be at least 0 and at most max_size.");
    }
    String key = request.key() != null ? request.key() : request.keyPrefix() + "${filename}";
    String checkedKey = request.key() != null ? request.key() : request.keyPrefix();
    if (request.key() != null || !checkedKey.isEmpty()) {
      Names.requireValidKey(checkedKey);
    }
    PresignedUrlService.requireOwnCredential(caller, request.accessKey());
    Credential credential =
        PresignedUrlService.signingCredential(credentials, request.accessKey(), clock);
    Bucket target = buckets.require(caller, request.bucket(), Action.PUT_OBJECT);
    // the form carries its signer's rights: one the signer may not use would always be refused
    if (!buckets.allows(
        new Caller.User(credential),
        Action.PUT_OBJECT,
        request.bucket(),
        target.ref(),
        checkedKey)) {
      throw invalid(
          "The credential "
              + request.accessKey()
              + " may not s3:PutObject in the bucket "
              + request.bucket()
              + ", so a form signed with it would be refused.");
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plusSeconds(request.expiresIn());
    String amzDate = AMZ_DATE.format(now);
    String scopeDate = amzDate.substring(0, 8);
    String scope = credential.accessKey() + "/" + scopeDate + "/" + region + "/s3/aws4_request";

    Map<String, String> fields = new LinkedHashMap<>();
    List<Object> conditions = new ArrayList<>();
    conditions.add(Map.of("bucket", request.bucket()));
    fields.put("key", key);
    conditions.add(
        request.key() != null
            ? Map.of("key", key)
            : List.of("starts-with", "$key", request.keyPrefix()));
    if (request.contentType() != null) {
      fields.put("Content-Type", request.contentType());
      conditions.add(Map.of("Content-Type", request.contentType()));
    }
    if (request.minSize() != null || request.maxSize() != null) {
      conditions.add(
          List.of(
              "content-length-range",
              min,
              request.maxSize() == null ? Long.MAX_VALUE : request.maxSize()));
    }
    // a form may choose how it is answered (a 201 document, or a redirect back to its page)
    conditions.add(List.of("starts-with", "$success_action_status", ""));
    conditions.add(List.of("starts-with", "$success_action_redirect", ""));
    fields.put("x-amz-algorithm", "AWS4-HMAC-SHA256");
    fields.put("x-amz-credential", scope);
    fields.put("x-amz-date", amzDate);
    conditions.add(Map.of("x-amz-algorithm", "AWS4-HMAC-SHA256"));
    conditions.add(Map.of("x-amz-credential", scope));
    conditions.add(Map.of("x-amz-date", amzDate));
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("expiration", expiresAt.toString());
    document.put("conditions", conditions);
    String policy =
        Base64.getEncoder()
            .encodeToString(JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
    fields.put("policy", policy);
    fields.put("x-amz-signature", signer.sign(credential.secretKey(), scopeDate, region, policy));
    String url = endpoint.get() + "/" + request.bucket();
    return new Issued(url, fields, expiresAt);
  }

  private static CofferException invalid(String message) {
    return new CofferException(ErrorCode.INVALID_ARGUMENT, message);
  }
}
