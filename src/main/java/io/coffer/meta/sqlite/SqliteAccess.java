package io.coffer.meta.sqlite;

import io.coffer.model.Credential;
import io.coffer.model.ManagedPolicy;
import io.coffer.model.NewCredential;
import io.coffer.model.PolicyTargets;
import io.coffer.model.PresignedUrl;
import io.coffer.model.UserGroup;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The access part of {@link SqliteMetadataStore}: credentials, managed policies, groups and their
 * attachments, and presigned URLs (the SQL is in {@link CredentialSql}, {@link PolicySql}, {@link
 * GroupSql} and {@link PresignedUrlSql}). A base class, as {@link SqliteNotifications} is, so that
 * the store keeps one class per concern.
 */
abstract sealed class SqliteAccess extends SqliteNotifications permits SqliteMetadataStore {
  SqliteAccess(SqliteWorkers workers, BucketOwners bucketOwners) {
    super(workers, bucketOwners);
  }

  // ---- credentials ----

  @Override
  public Credential createCredential(NewCredential credential, Instant now) {
    return workers.write(c -> CredentialSql.create(c, credential, now));
  }

  @Override
  public Optional<Credential> findCredential(long id) {
    return workers.read(c -> CredentialSql.find(c, id));
  }

  @Override
  public Optional<Credential> findCredentialByAccessKey(String accessKey) {
    return workers.read(c -> CredentialSql.findByAccessKey(c, accessKey));
  }

  @Override
  public List<Credential> listCredentials() {
    return workers.read(CredentialSql::list);
  }

  @Override
  public Credential updateCredential(long id, @Nullable String userName, Boolean active) {
    return workers.write(c -> CredentialSql.update(c, id, userName, active));
  }

  @Override
  public Credential updateCredentialSecret(long id, String secretKey) {
    return workers.write(c -> CredentialSql.updateSecret(c, id, secretKey));
  }

  @Override
  public List<Credential> deleteCredential(long id) {
    return workers.write(c -> CredentialSql.delete(c, id));
  }

  // ---- managed policies, groups, attachments ----

  @Override
  public ManagedPolicy createPolicy(String name, String document, Instant now) {
    return workers.write(c -> PolicySql.create(c, name, document, now));
  }

  @Override
  public ManagedPolicy updatePolicy(String name, String document, Instant now) {
    return workers.write(c -> PolicySql.update(c, name, document, now));
  }

  @Override
  public void deletePolicy(String name) {
    workers.writeVoid(c -> PolicySql.delete(c, name));
  }

  @Override
  public Optional<ManagedPolicy> findPolicy(String name) {
    return workers.read(c -> PolicySql.find(c, name));
  }

  @Override
  public List<ManagedPolicy> listPolicies() {
    return workers.read(PolicySql::list);
  }

  @Override
  public PolicyTargets policyTargets(String name) {
    return workers.read(c -> PolicySql.targets(c, name));
  }

  @Override
  public UserGroup createGroup(
      String name, List<Long> members, List<String> policies, Instant now) {
    List<Long> m = List.copyOf(members);
    List<String> p = List.copyOf(policies);
    return workers.write(c -> GroupSql.create(c, name, m, p, now));
  }

  @Override
  public UserGroup updateGroup(
      String name, @Nullable List<Long> members, @Nullable List<String> policies) {
    List<Long> m = members == null ? null : List.copyOf(members);
    List<String> p = policies == null ? null : List.copyOf(policies);
    return workers.write(c -> GroupSql.update(c, name, m, p));
  }

  @Override
  public void deleteGroup(String name) {
    workers.writeVoid(c -> GroupSql.delete(c, name));
  }

  @Override
  public Optional<UserGroup> findGroup(String name) {
    return workers.readSnapshot(c -> GroupSql.find(c, name));
  }

  @Override
  public List<UserGroup> listGroups() {
    return workers.readSnapshot(GroupSql::list);
  }

  @Override
  public void attachPolicies(long credentialId, List<String> policies) {
    List<String> p = List.copyOf(policies);
    workers.writeVoid(c -> PolicySql.replaceForCredential(c, credentialId, p));
  }

  @Override
  public List<String> policiesAttachedTo(long credentialId) {
    return workers.read(
        c -> PolicySql.attachedTo(c, PolicySql.CREDENTIAL, Long.toString(credentialId)));
  }

  @Override
  public List<String> groupsOf(long credentialId) {
    return workers.read(c -> GroupSql.groupsOf(c, credentialId));
  }

  // ---- presigned URLs ----

  @Override
  public PresignedUrl createPresignedUrl(
      String hash,
      String bucket,
      String key,
      String method,
      long credentialId,
      Instant expiresAt,
      Instant now) {
    return workers.write(
        c -> PresignedUrlSql.create(c, hash, bucket, key, method, credentialId, expiresAt, now));
  }

  @Override
  public Optional<PresignedUrl> findPresignedUrlByHash(String hash) {
    return workers.read(c -> PresignedUrlSql.findByHash(c, hash));
  }

  @Override
  public List<PresignedUrl> listPresignedUrls() {
    return workers.read(PresignedUrlSql::list);
  }

  @Override
  public void revokePresignedUrl(long id) {
    workers.writeVoid(c -> PresignedUrlSql.revoke(c, id));
  }

  @Override
  public void revokePresignedUrlsOf(long credentialId) {
    workers.writeVoid(c -> PresignedUrlSql.revokeAllOf(c, credentialId));
  }
}
