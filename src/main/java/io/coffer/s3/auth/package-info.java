/**
 * AWS Signature Version 4 for S3: verification of header-signed and presigned requests, signing for
 * clients and tests, and the decoder of {@code aws-chunked} request bodies; also the legacy
 * Signature Version 2 (header and presigned URLs), for older clients.
 *
 * <p>Everything here works on plain values so that it can be tested without a server and reused by
 * any front end: the HTTP layer adapts its request to a {@link io.coffer.s3.auth.SignedRequest}.
 */
package io.coffer.s3.auth;
