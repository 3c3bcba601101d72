package io.coffer.service;

import io.coffer.meta.MetadataStore;
import io.coffer.model.CofferException;
import io.coffer.model.Credential;
import io.coffer.model.ErrorCode;
import io.coffer.model.ManagedPolicy;
import io.coffer.model.PolicyTargets;
import io.coffer.model.UserGroup;
import io.coffer.policy.MalformedPolicyException;
import io.coffer.policy.PolicyDocument;
import io.coffer.policy.PolicyKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Managed policies (stored and built in), groups, and the policies attached to credentials; and,
 * for access decisions, the compiled policies that apply to a credential, cached until the next
 * identity change. Every document is validated as an identity policy before it is stored.
 */
public final class IdentityService implements IdentityPolicies {
  /** Names of policies and groups: IAM's characters. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,128}");

  /** IAM allows 6,144 characters in a managed policy; Coffer allows more, but not unbounded. */
  static final int MAX_DOCUMENT_CHARS = 20_480;

  private final MetadataStore store;
  private final Clock clock;
  private final IdentityCache cache = new IdentityCache();

  public IdentityService(MetadataStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  // ---- policies ----

  /** The built-in policies and the stored ones, in name order. */
  public List<ManagedPolicy> listPolicies() {
    List<ManagedPolicy> all = new ArrayList<>(BuiltInPolicies.all());
    all.addAll(store.listPolicies());
    all.sort((a, b) -> a.name().compareTo(b.name()));
    return all;
  }

  /** NO_SUCH_POLICY when neither built in nor stored. */
  public ManagedPolicy getPolicy(String name) {
    return BuiltInPolicies.find(name)
        .or(() -> store.findPolicy(name))
        .orElseThrow(() -> noSuchPolicy(name));
  }

  public boolean isBuiltIn(String name) {
    return BuiltInPolicies.isBuiltIn(name);
  }

  /** The credentials and groups the policy is attached to; NO_SUCH_POLICY when absent. */
  public PolicyTargets attachments(String name) {
    getPolicy(name);
    return store.policyTargets(name);
  }

  /** POLICY_ALREADY_EXISTS for a taken or built-in name; MALFORMED_POLICY for a bad document. */
  public ManagedPolicy createPolicy(String name, String document) {
    requireName("policy", name);
    if (BuiltInPolicies.isBuiltIn(name)) {
      throw new CofferException(
          ErrorCode.POLICY_ALREADY_EXISTS,
          "The policy " + name + " is built in; choose another name.");
    }
    compile(document);
    ManagedPolicy created = store.createPolicy(name, document, clock.instant());
    cache.invalidate();
    return created;
  }

  /** Replaces a stored policy's document; built-in ones cannot be changed (BUILT_IN_POLICY). */
  public ManagedPolicy updatePolicy(String name, String document) {
    refuseBuiltIn(name, "changed");
    compile(document);
    ManagedPolicy updated = store.updatePolicy(name, document, clock.instant());
    cache.invalidate();
    return updated;
  }

  /** POLICY_IN_USE while attached; built-in ones cannot be deleted (BUILT_IN_POLICY). */
  public void deletePolicy(String name) {
    refuseBuiltIn(name, "deleted");
    store.deletePolicy(name);
    cache.invalidate();
  }

  // ---- groups ----

  public List<UserGroup> listGroups() {
    return store.listGroups();
  }

  public UserGroup getGroup(String name) {
    return store
        .findGroup(name)
        .orElseThrow(
            () ->
                new CofferException(
                    ErrorCode.NO_SUCH_GROUP, "The group " + name + " does not exist."));
  }

  /**
   * GROUP_ALREADY_EXISTS; NO_SUCH_CREDENTIAL for an unknown member (INVALID_ARGUMENT for a service
   * account, which acts with its parent's groups); NO_SUCH_POLICY for an unknown policy.
   */
  public UserGroup createGroup(String name, List<Long> members, List<String> policies) {
    requireName("group", name);
    requireNotServiceAccounts(members);
    UserGroup created = store.createGroup(name, members, policies, clock.instant());
    cache.invalidate();
    return created;
  }

  /** Replaces the members and/or the policies (null leaves one unchanged). */
  public UserGroup updateGroup(
      String name, @Nullable List<Long> members, @Nullable List<String> policies) {
    if (members != null) {
      requireNotServiceAccounts(members);
    }
    UserGroup updated = store.updateGroup(name, members, policies);
    cache.invalidate();
    return updated;
  }

  public void deleteGroup(String name) {
    store.deleteGroup(name);
    cache.invalidate();
  }

  // ---- credentials ----

  /**
   * Replaces the policies attached to a credential; NO_SUCH_CREDENTIAL, NO_SUCH_POLICY, and
   * INVALID_ARGUMENT for a service account (it acts with its parent's policies).
   */
  public void attachPolicies(long credentialId, List<String> policies) {
    requireNotServiceAccounts(List.of(credentialId));
    store.attachPolicies(credentialId, policies);
    cache.invalidate();
  }

  public List<String> policiesAttachedTo(long credentialId) {
    return store.policiesAttachedTo(credentialId);
  }

  public List<String> groupsOf(long credentialId) {
    return store.groupsOf(credentialId);
  }

  /** Validates a service account's inline policy; MALFORMED_POLICY with the engine's message. */
  public void validateInlinePolicy(String document) {
    compile(document);
  }

  /**
   * Called after credentials are created or deleted, since memberships go with them; and when
   * another node changed credentials or identities (see CredentialService#changed).
   */
  void credentialsChanged() {
    cache.invalidate();
  }

  // ---- IdentityPolicies ----

  @Override
  public List<PolicyDocument> policiesOf(Credential credential) {
    return cache.policies(credential.principalId(), this::load);
  }

  @Override
  public @Nullable PolicyDocument sessionPolicyOf(Credential credential) {
    String inline = credential.inlinePolicy();
    if (inline == null) {
      return null;
    }
    return cache.session(credential.id(), id -> compile(inline));
  }

  private List<PolicyDocument> load(long principalId) {
    TreeSet<String> names = new TreeSet<>(store.policiesAttachedTo(principalId));
    for (String group : store.groupsOf(principalId)) {
      store.findGroup(group).ifPresent(g -> names.addAll(g.policies()));
    }
    if (names.isEmpty()) {
      return List.of();
    }
    List<PolicyDocument> documents = new ArrayList<>(names.size());
    for (String name : names) {
      documents.add(cache.policy(name, n -> compileStored(getPolicy(n))));
    }
    return List.copyOf(documents);
  }

  /**
   * A policy that was valid when stored; if the engine now refuses it, requests fail (a skipped
   * policy could be one that denies) and the log says which policy to fix.
   */
  private static PolicyDocument compileStored(ManagedPolicy policy) {
    try {
      return PolicyDocument.parse(policy.document(), PolicyKind.IDENTITY);
    } catch (MalformedPolicyException e) {
      throw new CofferException(
          ErrorCode.INTERNAL_ERROR,
          "The stored policy " + policy.name() + " is no longer valid: " + e.getMessage());
    }
  }

  private static PolicyDocument compile(String document) {
    if (document.length() > MAX_DOCUMENT_CHARS) {
      throw new CofferException(
          ErrorCode.MALFORMED_POLICY,
          "Policies must be at most " + MAX_DOCUMENT_CHARS + " characters long.");
    }
    try {
      return PolicyDocument.parse(document, PolicyKind.IDENTITY);
    } catch (MalformedPolicyException e) {
      String message = e.getMessage();
      throw new CofferException(
          ErrorCode.MALFORMED_POLICY,
          message == null ? ErrorCode.MALFORMED_POLICY.defaultMessage() : message);
    }
  }

  private void requireNotServiceAccounts(List<Long> ids) {
    for (long id : ids) {
      Credential c =
          store
              .findCredential(id)
              .orElseThrow(
                  () ->
                      new CofferException(
                          ErrorCode.NO_SUCH_CREDENTIAL, "Credential " + id + " does not exist."));
      if (c.parentId() != null) {
        throw new CofferException(
            ErrorCode.INVALID_ARGUMENT,
            "Credential "
                + id
                + " is a service account: it acts with the policies and groups of its parent "
                + c.parentId()
                + ".");
      }
    }
  }

  private static void refuseBuiltIn(String name, String what) {
    if (BuiltInPolicies.isBuiltIn(name)) {
      throw new CofferException(
          ErrorCode.BUILT_IN_POLICY,
          "The policy " + name + " is built in and cannot be " + what + ".");
    }
  }

  static void requireName(String kind, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "A " + kind + " name must be 1 to 128 characters of letters, digits and + = , . @ _ -.");
    }
  }

  private static CofferException noSuchPolicy(String name) {
    return new CofferException(ErrorCode.NO_SUCH_POLICY, "The policy " + name + " does not exist.");
  }
}
