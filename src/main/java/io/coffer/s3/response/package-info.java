/**
 * The response side of the S3 port: one pure renderer per S3 document (from the operation and the
 * service's result to UTF-8 bytes, each with a golden-string test), the checksum response headers,
 * and the one place errors are answered ({@link io.coffer.s3.response.S3Responses}).
 */
package io.coffer.s3.response;
