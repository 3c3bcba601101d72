package io.coffer.frontend;

import io.coffer.http.HttpResponse;
import io.coffer.service.ObjectRead;
import java.util.ArrayList;
import java.util.List;

/**
 * An object read as a response body: its inline bytes, or its file slices sent as zero-copy
 * regions, each opened only when it is its turn, or decrypted as a stream when the object is
 * encrypted. Shared by GetObject and the console's download.
 */
public final class ObjectReadBody {
  private ObjectReadBody() {}

  public static HttpResponse.Body of(ObjectRead read) {
    if (read.inline() != null) {
      read.close();
      return new HttpResponse.Body.Bytes(read.inline());
    }
    if (read.dataKey() != null) {
      // Encrypted blobs cannot go out as file regions: stream them decrypted, a package at a time.
      return new HttpResponse.Body.Stream(read.checkedStream(), read.length());
    }
    List<HttpResponse.FileSlice> slices = new ArrayList<>(read.slices().size());
    for (ObjectRead.Slice slice : read.slices()) {
      slices.add(
          new HttpResponse.FileSlice(() -> read.open(slice), slice.position(), slice.count()));
    }
    return new HttpResponse.Body.FileSlices(slices, read.length(), read::close);
  }
}
