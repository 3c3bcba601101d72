/**
 * The IAM policy language: documents parsed and compiled once when stored, then evaluated per
 * request with AWS's rules (an explicit Deny wins, then any Allow, otherwise no decision). Pure: it
 * knows nothing of buckets, stores or HTTP; the service layer's {@code Access} builds each {@link
 * io.coffer.policy.PolicyRequest} and combines the decisions.
 */
@NullMarked
package io.coffer.policy;

import org.jspecify.annotations.NullMarked;
