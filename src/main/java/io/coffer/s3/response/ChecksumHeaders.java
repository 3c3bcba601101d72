package io.coffer.s3.response;

import io.coffer.checksum.ChecksumAlgorithm;
import io.coffer.http.HttpResponse;
import io.coffer.model.StoredChecksum;
import org.jspecify.annotations.Nullable;

/** Writes a stored checksum as the x-amz-checksum-* and x-amz-checksum-type headers. */
public final class ChecksumHeaders {
  private ChecksumHeaders() {}

  public static void write(HttpResponse response, @Nullable StoredChecksum checksum) {
    if (checksum == null) {
      return;
    }
    ChecksumAlgorithm.fromName(checksum.algorithm())
        .ifPresent(algorithm -> response.header(algorithm.headerName(), checksum.value()));
    response.header("x-amz-checksum-type", checksum.type());
  }
}
