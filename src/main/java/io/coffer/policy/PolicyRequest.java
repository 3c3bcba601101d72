package io.coffer.policy;

/**
 * One request as a policy sees it.
 *
 * @param action the action's policy name, e.g. {@code s3:GetObject}
 * @param resource the ARN acted on: {@code arn:aws:s3:::bucket}, {@code arn:aws:s3:::bucket/key},
 *     or {@code *} for an action on no bucket (ListAllMyBuckets)
 * @param principal who asks (matched by bucket policies' Principal elements)
 * @param conditions the request's condition keys
 */
public record PolicyRequest(
    String action, String resource, RequestPrincipal principal, ConditionValues conditions) {}
