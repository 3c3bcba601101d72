/**
 * The checksums S3 clients send and expect back (x-amz-checksum-*): streaming computation, the
 * CRC-64/NVME implementation the JDK lacks, and the arithmetic that derives whole-object values of
 * multipart uploads from the parts' values without re-reading any data.
 */
package io.coffer.checksum;
