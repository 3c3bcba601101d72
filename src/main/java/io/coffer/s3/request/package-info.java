/**
 * The request side of the S3 port: the parser that turns method, path, query and headers into a
 * typed {@link io.coffer.s3.request.S3Operation} with its parameters, the readers of individual
 * headers and query parameters it uses, the feature-header table, and the opening of request
 * bodies. Handlers read no headers or query: the operation record carries what they need.
 */
package io.coffer.s3.request;
