package io.coffer.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One compiled statement. It applies to a request when its principal (bucket policies), action,
 * resource and every condition match; its effect then decides.
 */
final class Statement {
  final boolean allow;
  final @Nullable PrincipalMatcher principal;
  final boolean notPrincipal;
  private final ActionMatcher actions;
  private final ResourcePattern[] resources;
  private final boolean notResource;
  final Condition[] conditions;

  Statement(
      boolean allow,
      @Nullable PrincipalMatcher principal,
      boolean notPrincipal,
      ActionMatcher actions,
      List<ResourcePattern> resources,
      boolean notResource,
      List<Condition> conditions) {
    this.allow = allow;
    this.principal = principal;
    this.notPrincipal = notPrincipal;
    this.actions = actions;
    this.resources = resources.toArray(ResourcePattern[]::new);
    this.notResource = notResource;
    this.conditions = conditions.toArray(Condition[]::new);
  }

  /** Whether the statement applies; {@code actionIndex} is the request action's index. */
  boolean applies(PolicyRequest request, int actionIndex) {
    if (!actions.matches(actionIndex, request.action())) {
      return false;
    }
    ConditionValues values = request.conditions();
    if (matchesAnyResource(request.resource(), values) == notResource) {
      return false;
    }
    if (principal != null && principal.matches(request.principal()) == notPrincipal) {
      return false;
    }
    for (Condition condition : conditions) {
      if (!condition.holds(values)) {
        return false;
      }
    }
    return true;
  }

  private boolean matchesAnyResource(String resource, ConditionValues values) {
    for (ResourcePattern pattern : resources) {
      if (pattern.matches(resource, values)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every Resource/NotResource entry stays within the bucket. */
  boolean namesOnlyBucket(String bucket) {
    for (ResourcePattern pattern : resources) {
      if (!pattern.namesBucket(bucket)) {
        return false;
      }
    }
    return true;
  }
}
