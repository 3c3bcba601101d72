package io.coffer.it.multipart;

import static io.coffer.it.support.TestData.MIB;

import io.coffer.it.support.TestData;
import java.util.HexFormat;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** Multipart uploads in one bucket, step by step, and the parts and ETags the tests expect. */
record Uploads(S3Client s3, String bucket) {
  static final byte[] P1 = TestData.random(5 * MIB, 121);
  static final byte[] P2 = TestData.random(54_321, 122);
  static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

  String create(String key) {
    return s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
  }

  CompletedPart part(String key, String uploadId, int number, byte[] data) {
    String etag =
        s3.uploadPart(
                b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                RequestBody.fromBytes(data))
            .eTag();
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  CompleteMultipartUploadResponse complete(String key, String uploadId, CompletedPart... parts) {
    return s3.completeMultipartUpload(
        b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts)));
  }

  static String md5Hex(byte[]... parts) {
    return HexFormat.of().formatHex(TestData.digest("MD5", parts));
  }

  /**
   * The multipart ETag of parts with these MD5s: the MD5 of the concatenated binary MD5s, then -N.
   */
  static String multipartEtag(String... partMd5s) {
    byte[][] raw = new byte[partMd5s.length][];
    for (int i = 0; i < partMd5s.length; i++) {
      raw[i] = HexFormat.of().parseHex(partMd5s[i]);
    }
    return "\"" + md5Hex(raw) + "-" + partMd5s.length + "\"";
  }
}
