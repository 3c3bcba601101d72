package io.coffer.meta.postgres;

import io.coffer.meta.MetadataStore;
import io.coffer.model.Credential;
import io.coffer.model.KmsKey;
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
 * The identity half of {@link PostgresMetadataStore}: credentials, managed policies, groups and
 * their attachments, the built-in key store's keys and presigned URLs. A base class only so that
 * the store keeps one class per concern, as the SQLite store does with its notifications.
 */
abstract sealed class PostgresIdentities implements MetadataStore permits PostgresMetadataStore {
  final Db db;

  PostgresIdentities(Db db) {
    this.db = db;
  }

  // ---- credentials ----

  @Override
  public Credential createCredential(NewCredential credential, Instant now) {
    return db.write(tx -> CredentialSql.create(tx, credential, now));
  }

  @Override
  public Optional<Credential> findCredential(long id) {
    return db.read(tx -> CredentialSql.find(tx, id));
  }

  @Override
  public Optional<Credential> findCredentialByAccessKey(String accessKey) {
    return db.read(tx -> CredentialSql.findByAccessKey(tx, accessKey));
  }

  @Override
  public List<Credential> listCredentials() {
    return db.read(CredentialSql::list);
  }

  @Override
  public Credential updateCredential(long id, @Nullable String userName, Boolean active) {
    return db.write(tx -> CredentialSql.update(tx, id, userName, active));
  }

  @Override
  public Credential updateCredentialSecret(long id, String secretKey) {
    return db.write(tx -> CredentialSql.updateSecret(tx, id, secretKey));
  }

  @Override
  public List<Credential> deleteCredential(long id) {
    return db.write(tx -> CredentialSql.delete(tx, id));
  }

  // ---- managed policies, groups, attachments ----

  @Override
  public ManagedPolicy createPolicy(String name, String document, Instant now) {
    return db.write(tx -> PolicySql.create(tx, name, document, now));
  }

  @Override
  public ManagedPolicy updatePolicy(String name, String document, Instant now) {
    return db.write(tx -> PolicySql.update(tx, name, document, now));
  }

  @Override
  public void deletePolicy(String name) {
    db.writeVoid(tx -> PolicySql.delete(tx, name));
  }

  @Override
  public Optional<ManagedPolicy> findPolicy(String name) {
    return db.read(tx -> PolicySql.find(tx, name));
  }

  @Override
  public List<ManagedPolicy> listPolicies() {
    return db.read(PolicySql::list);
  }

  @Override
  public PolicyTargets policyTargets(String name) {
    return db.read(tx -> PolicySql.targets(tx, name));
  }

  @Override
  public UserGroup createGroup(
      String name, List<Long> members, List<String> policies, Instant now) {
    List<Long> m = List.copyOf(members);
    List<String> p = List.copyOf(policies);
    return db.write(tx -> GroupSql.create(tx, name, m, p, now));
  }

  @Override
  public UserGroup updateGroup(
      String name, @Nullable List<Long> members, @Nullable List<String> policies) {
    List<Long> m = members == null ? null : List.copyOf(members);
    List<String> p = policies == null ? null : List.copyOf(policies);
    return db.write(tx -> GroupSql.update(tx, name, m, p));
  }

  @Override
  public void deleteGroup(String name) {
    db.writeVoid(tx -> GroupSql.delete(tx, name));
  }

  @Override
  public Optional<UserGroup> findGroup(String name) {
    return db.readSnapshot(tx -> GroupSql.find(tx, name));
  }

  @Override
  public List<UserGroup> listGroups() {
    return db.readSnapshot(GroupSql::list);
  }

  @Override
  public void attachPolicies(long credentialId, List<String> policies) {
    List<String> p = List.copyOf(policies);
    db.writeVoid(tx -> PolicySql.replaceForCredential(tx, credentialId, p));
  }

  @Override
  public List<String> policiesAttachedTo(long credentialId) {
    return db.read(
        tx -> PolicySql.attachedTo(tx, PolicySql.CREDENTIAL, Long.toString(credentialId)));
  }

  @Override
  public List<String> groupsOf(long credentialId) {
    return db.read(tx -> GroupSql.groupsOf(tx, credentialId));
  }

  // ---- the built-in key store (SSE-KMS) ----

  @Override
  public void createKmsKey(KmsKey key) {
    db.writeVoid(tx -> KmsKeySql.create(tx, key));
  }

  @Override
  public List<KmsKey> listKmsKeys() {
    return db.read(KmsKeySql::list);
  }

  @Override
  public Optional<KmsKey> findKmsKey(String name) {
    return db.read(tx -> KmsKeySql.find(tx, name));
  }

  @Override
  public Optional<KmsKey> setKmsKeyEnabled(String name, boolean enabled) {
    return db.write(tx -> KmsKeySql.setEnabled(tx, name, enabled));
  }

  @Override
  public Optional<KmsKey> resealKmsKey(KmsKey expected, String masterKeyId, byte[] sealedMaterial) {
    return db.write(tx -> KmsKeySql.reseal(tx, expected, masterKeyId, sealedMaterial));
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
    return db.write(
        tx -> PresignedUrlSql.create(tx, hash, bucket, key, method, credentialId, expiresAt, now));
  }

  @Override
  public Optional<PresignedUrl> findPresignedUrlByHash(String hash) {
    return db.read(tx -> PresignedUrlSql.findByHash(tx, hash));
  }

  @Override
  public List<PresignedUrl> listPresignedUrls() {
    return db.read(PresignedUrlSql::list);
  }

  @Override
  public void revokePresignedUrl(long id) {
    db.writeVoid(tx -> PresignedUrlSql.revoke(tx, id));
  }

  @Override
  public void revokePresignedUrlsOf(long credentialId) {
    db.writeVoid(tx -> PresignedUrlSql.revokeAllOf(tx, credentialId));
  }
}
