package io.coffer.s3.request;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The one place that decides what happens to request headers asking for a feature: encryption,
 * object lock, tags, storage classes, website redirects, namespace settings, conditions Coffer
 * cannot check (encryption is {@link SseHeaders}'). A header is accepted only when its value asks
 * for exactly what Coffer does (the {@code STANDARD} storage class, say); otherwise the request is
 * refused with the error AWS gives for that value, or {@code 501 NotImplemented}, before anything
 * is read or stored. Never a silent 200 for a feature that is not there.
 *
 * <p>Headers of an operation that does not take them are ignored, as AWS does, except where a
 * client could believe something happened (encryption headers on a GET or an UploadPart).
 */
public final class FeatureHeaders {

  /** The request's headers by case-insensitive name: the first value, or null. */
  @FunctionalInterface
  public interface Headers {
    @Nullable String get(String name);
  }

  /** What a rule says of a header's value: null to accept it, or the refusal. */
  @FunctionalInterface
  interface Verdict {
    @Nullable CofferException judge(String value);
  }

  /** A header, the operations it applies to, and how its values are judged. */
  record Rule(String header, Set<Class<? extends S3Operation>> operations, Verdict verdict) {}

  /** Operations that make a new object or upload, and so take its encryption, ACL, lock, tags. */
  static final Set<Class<? extends S3Operation>> NEW_OBJECT =
      Set.of(
          S3Operation.PutObject.class,
          S3Operation.CopyObject.class,
          S3Operation.CreateMultipartUpload.class);

  /**
   * Object operations whose encryption is the stored object's or the upload's, which AWS refuses
   * x-amz-server-side-encryption on: a client sending it could believe it chose something.
   */
  static final Set<Class<? extends S3Operation>> ENCRYPTION_NOT_CHOSEN =
      Set.of(
          S3Operation.GetObject.class,
          S3Operation.HeadObject.class,
          S3Operation.UploadPart.class,
          S3Operation.UploadPartCopy.class);

  static final Set<Class<? extends S3Operation>> CREATE_BUCKET =
      Set.of(S3Operation.CreateBucket.class);

  /** Storage classes of the S3 model; only STANDARD is Coffer's. */
  private static final Set<String> STORAGE_CLASSES =
      Set.of(
          "STANDARD",
          "REDUCED_REDUNDANCY",
          "STANDARD_IA",
          "ONEZONE_IA",
          "INTELLIGENT_TIERING",
          "GLACIER",
          "DEEP_ARCHIVE",
          "OUTPOSTS",
          "GLACIER_IR",
          "SNOW",
          "EXPRESS_ONEZONE",
          "FSX_OPENZFS",
          "FSX_ONTAP");

  /** The table, in the order a request's headers are judged: the first refusal is the answer. */
  static final List<Rule> RULES = rules();

  /**
   * The rules of each operation, in table order: a request looks up only the headers that can
   * matter to its operation (a GET about ten), not the whole table.
   */
  private static final Map<Class<? extends S3Operation>, List<Rule>> RULES_BY_OPERATION =
      byOperation(RULES);

  private FeatureHeaders() {}

  private static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>();
    // Encryption headers are the parser's (SseHeaders) on the operations that take them; on a
    // read or a part, where they could make a client believe something about the object, AWS
    // refuses them.
    for (String suffix : List.of("", "-aws-kms-key-id", "-context", "-bucket-key-enabled")) {
      String header = "x-amz-server-side-encryption" + suffix;
      String refusal = header + " header is not supported for this operation.";
      rules.add(
          new Rule(header, ENCRYPTION_NOT_CHOSEN, refuse(ErrorCode.INVALID_ARGUMENT, refusal)));
    }
    // Ownership and ACLs (x-amz-object-ownership, x-amz-acl, x-amz-grant-*) are the parser's
    // (AclHeaders, AccessControlOperations), which reads a presigned URL's hoisted ones too; the
    // service decides what the bucket accepts.
    // Object lock: a bucket is created with it (true or false); the x-amz-object-lock-* headers of
    // a write are the parser's (ObjectLockHeaders), and the service refuses them where the bucket
    // has no lock.
    rules.add(
        new Rule(
            "x-amz-bucket-object-lock-enabled", CREATE_BUCKET, FeatureHeaders::objectLockEnabled));
    rules.add(new Rule("x-amz-bucket-namespace", CREATE_BUCKET, FeatureHeaders::bucketNamespace));
    rules.add(new Rule("x-amz-storage-class", NEW_OBJECT, FeatureHeaders::storageClass));
    rules.add(
        new Rule(
            "x-amz-website-redirect-location", NEW_OBJECT, notImplemented("Website redirects")));
    // Appends and conditions Coffer cannot check: ignoring them would overwrite or delete.
    rules.add(
        new Rule(
            "x-amz-write-offset-bytes",
            Set.of(S3Operation.PutObject.class),
            notImplemented("Appending to an object")));
    for (String condition : List.of("x-amz-if-match-last-modified-time", "x-amz-if-match-size")) {
      rules.add(
          new Rule(condition, Set.of(S3Operation.DeleteObject.class), notImplemented(condition)));
    }
    // Coffer only stores rules whose targets exist, so it cannot skip the check a client asks to
    // skip: true is refused rather than answered with a validation the client did not want.
    rules.add(
        new Rule(
            "x-amz-skip-destination-validation",
            Set.of(S3Operation.PutBucketNotificationConfiguration.class),
            FeatureHeaders::skipDestinationValidation));
    String initiated = "x-amz-if-match-initiated-time";
    rules.add(
        new Rule(
            initiated, Set.of(S3Operation.AbortMultipartUpload.class), notImplemented(initiated)));
    return List.copyOf(rules);
  }

  /**
   * Refuses the request if one of its headers asks for what Coffer does not do.
   *
   * @param headers the request's headers, counting a presigned URL's hoisted x-amz-* parameters
   * @throws CofferException the refusal: NotImplemented or AWS's error for that value
   */
  public static void check(Class<? extends S3Operation> operation, Headers headers) {
    for (Rule rule : RULES_BY_OPERATION.getOrDefault(operation, List.of())) {
      String value = headers.get(rule.header());
      if (value == null) {
        continue;
      }
      CofferException refusal = rule.verdict().judge(value.trim());
      if (refusal != null) {
        throw refusal;
      }
    }
  }

  private static Map<Class<? extends S3Operation>, List<Rule>> byOperation(List<Rule> rules) {
    Map<Class<? extends S3Operation>, List<Rule>> byOperation = new HashMap<>();
    for (Rule rule : rules) {
      for (Class<? extends S3Operation> operation : rule.operations()) {
        byOperation.computeIfAbsent(operation, o -> new ArrayList<>()).add(rule);
      }
    }
    byOperation.replaceAll((operation, list) -> List.copyOf(list));
    return Map.copyOf(byOperation);
  }

  private static Verdict notImplemented(String feature) {
    return value ->
        new CofferException(ErrorCode.NOT_IMPLEMENTED, feature + " is not implemented by Coffer.");
  }

  private static Verdict refuse(ErrorCode code, @Nullable String message) {
    return value -> new CofferException(code, message == null ? code.defaultMessage() : message);
  }

  /** true or false in any case, as AWS accepts; the parser reads which. */
  private static @Nullable CofferException objectLockEnabled(String value) {
    if (value.equalsIgnoreCase("false") || value.equalsIgnoreCase("true")) {
      return null;
    }
    return new CofferException(
        ErrorCode.INVALID_ARGUMENT, "Invalid x-amz-bucket-object-lock-enabled header: " + value);
  }

  private static @Nullable CofferException skipDestinationValidation(String value) {
    if (value.equalsIgnoreCase("false")) {
      return null;
    }
    return value.equalsIgnoreCase("true")
        ? new CofferException(
            ErrorCode.NOT_IMPLEMENTED,
            "Skipping the validation of destinations is not implemented by Coffer: a rule's"
                + " target must exist.")
        : new CofferException(
            ErrorCode.INVALID_ARGUMENT,
            "Invalid x-amz-skip-destination-validation header: " + value);
  }

  private static @Nullable CofferException bucketNamespace(String value) {
    return switch (value) {
      case "global" -> null;
      case "account-regional" ->
          new CofferException(
              ErrorCode.NOT_IMPLEMENTED,
              "Account regional bucket namespaces are not implemented by Coffer.");
      default ->
          new CofferException(
              ErrorCode.INVALID_ARGUMENT, "Invalid x-amz-bucket-namespace header: " + value);
    };
  }

  private static @Nullable CofferException storageClass(String value) {
    if (value.equals("STANDARD")) {
      return null;
    }
    return STORAGE_CLASSES.contains(value)
        ? new CofferException(
            ErrorCode.NOT_IMPLEMENTED,
            "The storage class " + value + " is not implemented by Coffer; STANDARD is.")
        : new CofferException(
            ErrorCode.INVALID_STORAGE_CLASS, ErrorCode.INVALID_STORAGE_CLASS.defaultMessage());
  }
}
