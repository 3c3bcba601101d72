package io.coffer.policy;

/**
 * A policy document that is not valid JSON, not the policy grammar, or names an action, resource,
 * principal, condition operator or key AWS would refuse. The message is what AWS says (for example
 * "Policy has invalid action"), for the MalformedPolicy error.
 */
public final class MalformedPolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  public MalformedPolicyException(String message) {
    super(message);
  }
}
