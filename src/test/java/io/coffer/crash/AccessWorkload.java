package io.coffer.crash;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * A client thread on a bucket of its own that changes access settings and tags: PutBucketPolicy (a
 * new document each time) and DeleteBucketPolicy, PutObject with {@code x-amz-acl} and {@code
 * x-amz-tagging} (inline and file-backed bodies), PutObjectAcl, PutObjectTagging and
 * DeleteObjectTagging. After a kill, the bucket's policy must be exactly the last acknowledged one
 * (or the one in flight), and each key's bytes, ACL and tags exactly its last acknowledged state
 * (or the one in flight): GetBucketPolicy, GetObjectAcl and GetObjectTagging read them back.
 */
final class AccessWorkload implements Runnable {
  static final String BUCKET = "access";
  private static final int KEYS = 4;
  private static final List<ObjectCannedACL> CANNED =
      List.of(
          ObjectCannedACL.PRIVATE,
          ObjectCannedACL.PUBLIC_READ,
          ObjectCannedACL.PUBLIC_READ_WRITE,
          ObjectCannedACL.AUTHENTICATED_READ);

  /**
   * What a key holds: its bytes' SHA-256 and size, the canned ACL it was given, and its tags as
   * {@code k=v&k=v} in their order ("" for none).
   */
  record KeyState(String sha256, long size, ObjectCannedACL acl, String tags) {
    KeyState withAcl(ObjectCannedACL newAcl) {
      return new KeyState(sha256, size, newAcl, tags);
    }

    KeyState withTags(String newTags) {
      return new KeyState(sha256, size, acl, newTags);
    }
  }

  /** The setting one operation changes: the policy (key null) or a key's state. */
  private record Pending(@Nullable String key, @Nullable Object value) {}

  private static final Object NO_POLICY = "no policy";

  private final S3Client client;
  private final Random random;
  private final AtomicBoolean killed;

  /** The acknowledged policy document, or NO_POLICY. */
  private Object policy = NO_POLICY;

  /** key -> its acknowledged state, or absent when never written. */
  private final Map<String, KeyState> keys = new LinkedHashMap<>();

  private @Nullable Pending pending;
  private long generation;
  final AtomicLong acknowledged = new AtomicLong();
  final List<Throwable> failures = new ArrayList<>();

  AccessWorkload(S3Client client, long seed, AtomicBoolean killed) {
    this.client = client;
    this.random = new Random(seed);
    this.killed = killed;
  }

  /** Starts a new cycle on a new client (the model carries over from the last verify). */
  AccessWorkload next(S3Client client, long seed, AtomicBoolean killed) {
    AccessWorkload next = new AccessWorkload(client, seed, killed);
    synchronized (this) {
      next.policy = policy;
      next.keys.putAll(keys);
      next.generation = generation;
    }
    return next;
  }

  @Override
  public void run() {
    try {
      while (!killed.get()) {
        step();
        acknowledged.incrementAndGet();
      }
    } catch (Exception e) {
      if (!killed.get()) {
        synchronized (failures) {
          failures.add(new AssertionError("access workload failed while the server was up", e));
        }
      }
    }
  }

  private void step() throws Exception {
    String key = "a/key-" + random.nextInt(KEYS);
    KeyState current;
    synchronized (this) {
      current = keys.get(key);
    }
    int dice = random.nextInt(100);
    ObjectCannedACL acl = CANNED.get(random.nextInt(CANNED.size()));
    if (dice < 25) {
      String document = policyDocument(++generation);
      begin(new Pending(null, document));
      client.putBucketPolicy(r -> r.bucket(BUCKET).policy(document));
      settle(null, document);
    } else if (dice < 35) {
      begin(new Pending(null, NO_POLICY));
      client.deleteBucketPolicy(r -> r.bucket(BUCKET));
      settle(null, NO_POLICY);
    } else if (dice < 60 || current == null) {
      byte[] body = new byte[random.nextBoolean() ? 100 + random.nextInt(900) : 70_000];
      random.nextBytes(body);
      String tags = random.nextBoolean() ? "" : tags(++generation);
      KeyState next = new KeyState(sha256(body), body.length, acl, tags);
      begin(new Pending(key, next));
      client.putObject(
          r -> r.bucket(BUCKET).key(key).acl(acl).tagging(tags.isEmpty() ? null : tags),
          RequestBody.fromBytes(body));
      settle(key, next);
    } else if (dice < 75) {
      KeyState next = current.withAcl(acl);
      begin(new Pending(key, next));
      client.putObjectAcl(r -> r.bucket(BUCKET).key(key).acl(acl));
      settle(key, next);
    } else if (dice < 92) {
      String tags = tags(++generation);
      KeyState next = current.withTags(tags);
      begin(new Pending(key, next));
      client.putObjectTagging(
          r ->
              r.bucket(BUCKET)
                  .key(key)
                  .tagging(
                      t ->
                          t.tagSet(
                              Arrays.stream(tags.split("&"))
                                  .map(kv -> kv.split("=", 2))
                                  .map(kv -> Tag.builder().key(kv[0]).value(kv[1]).build())
                                  .toList())));
      settle(key, next);
    } else {
      KeyState next = current.withTags("");
      begin(new Pending(key, next));
      client.deleteObjectTagging(r -> r.bucket(BUCKET).key(key));
      settle(key, next);
    }
  }

  private synchronized void begin(Pending operation) {
    pending = operation;
  }

  private synchronized void settle(@Nullable String key, Object value) {
    if (key == null) {
      policy = value;
    } else {
      keys.put(key, (KeyState) value);
    }
    pending = null;
  }

  /** Two tags, different every time. */
  private static String tags(long generation) {
    return "gen=" + generation + "&team=t" + (generation % 3);
  }

  /** A public-read policy for one prefix, different every time. */
  private static String policyDocument(long generation) {
    return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"Generation"
        + generation
        + "\", \"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"s3:GetObject\","
        + " \"Resource\": \"arn:aws:s3:::"
        + BUCKET
        + "/p-"
        + generation
        + "/*\"}]}";
  }

  /**
   * Checks the policy and every key against the model (the operation in flight may or may not have
   * happened), then settles the model on what is there.
   *
   * @return the number of blob files the bucket should have on disk
   */
  synchronized long verify(S3Client client, String ownerId, long seed) throws Exception {
    Object observedPolicy;
    try {
      observedPolicy = client.getBucketPolicy(r -> r.bucket(BUCKET)).policy();
    } catch (S3Exception e) {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
      observedPolicy = NO_POLICY;
    }
    assertThat(observedPolicy)
        .as("bucket policy after the kill (seed %d)", seed)
        .isIn(allowed(null, policy));
    policy = observedPolicy;
    long blobs = 0;
    for (int k = 0; k < KEYS; k++) {
      String key = "a/key-" + k;
      KeyState observed = read(client, key, ownerId);
      assertThat(observed)
          .as("bytes and ACL of %s after the kill (seed %d)", key, seed)
          .isIn(allowed(key, keys.get(key)));
      if (observed == null) {
        keys.remove(key);
      } else {
        keys.put(key, observed);
        blobs += ObjectState.blobFilesFor(observed.size());
      }
    }
    pending = null;
    return blobs;
  }

  /** Objects in the bucket and their bytes, for the counters; call after {@link #verify}. */
  synchronized long currentObjects() {
    return keys.size();
  }

  synchronized long bytes() {
    return keys.values().stream().mapToLong(KeyState::size).sum();
  }

  private List<@Nullable Object> allowed(@Nullable String key, @Nullable Object acknowledged) {
    List<@Nullable Object> allowed = new ArrayList<>();
    allowed.add(acknowledged);
    if (pending != null && Objects.equals(pending.key(), key)) {
      allowed.add(pending.value());
    }
    return allowed;
  }

  private static @Nullable KeyState read(S3Client client, String key, String ownerId)
      throws Exception {
    byte[] body;
    List<Grant> grants;
    List<Tag> tagSet;
    try {
      body = client.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray();
      grants = client.getObjectAcl(r -> r.bucket(BUCKET).key(key)).grants();
      tagSet = client.getObjectTagging(r -> r.bucket(BUCKET).key(key)).tagSet();
    } catch (NoSuchKeyException e) {
      return null;
    }
    List<String> described =
        grants.stream()
            .map(
                g ->
                    (g.grantee().type() == Type.GROUP
                            ? g.grantee().uri().replaceFirst(".*/", "")
                            : g.grantee().id().equals(ownerId) ? "owner" : g.grantee().id())
                        + " "
                        + g.permissionAsString())
            .sorted()
            .toList();
    ObjectCannedACL acl =
        switch (String.join(", ", described)) {
          case "owner FULL_CONTROL" -> ObjectCannedACL.PRIVATE;
          case "AllUsers READ, owner FULL_CONTROL" -> ObjectCannedACL.PUBLIC_READ;
          case "AllUsers READ, AllUsers WRITE, owner FULL_CONTROL" ->
              ObjectCannedACL.PUBLIC_READ_WRITE;
          case "AuthenticatedUsers READ, owner FULL_CONTROL" -> ObjectCannedACL.AUTHENTICATED_READ;
          default -> throw new AssertionError(key + " has an ACL no request gave it: " + described);
        };
    String tags =
        tagSet.stream().map(t -> t.key() + "=" + t.value()).collect(Collectors.joining("&"));
    return new KeyState(sha256(body), body.length, acl, tags);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
