package io.coffer.s3.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever the bytes, a parser either succeeds or reports MalformedXML, never anything else. */
class MalformedInputPropertyTest {
  private static final byte[] VALID_COMPLETE =
      ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUpload"
           + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Part><PartNumber>1</PartNumber>"
           + "<ETag>\"e\"</ETag><ChecksumCRC32>NSRBwg==</ChecksumCRC32></Part>"
           + "</CompleteMultipartUpload>")
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] VALID_DELETE =
      ("<Delete><Quiet>true</Quiet><Object><Key>a &amp; b</Key><VersionId>v</VersionId></Object>"
              + "</Delete>")
          .getBytes(StandardCharsets.UTF_8);

  @Property(tries = 300)
  void arbitraryBytes(@ForAll @Size(max = 300) byte[] body) {
    assertOnlyMalformed(body);
  }

  @Property(tries = 500)
  void mutatedValidDocuments(
      @ForAll boolean delete,
      @ForAll @IntRange(max = 200) int at,
      @ForAll @IntRange(max = 5) int removed,
      @ForAll @Size(max = 6) byte[] inserted) {
    byte[] valid = delete ? VALID_DELETE : VALID_COMPLETE;
    int cut = Math.min(at, valid.length);
    int resume = Math.min(valid.length, cut + removed);
    byte[] mutated = new byte[cut + inserted.length + valid.length - resume];
    System.arraycopy(valid, 0, mutated, 0, cut);
    System.arraycopy(inserted, 0, mutated, cut, inserted.length);
    System.arraycopy(valid, resume, mutated, cut + inserted.length, valid.length - resume);
    assertOnlyMalformed(mutated);
  }

  private static void assertOnlyMalformed(byte[] body) {
    for (Runnable parse :
        new Runnable[] {
          () -> new CompleteMultipartUploadXml().parse(new ByteArrayInputStream(body)),
          () -> new DeleteObjectsXml().parse(new ByteArrayInputStream(body)),
          () -> new CreateBucketConfigurationXml().parse(new ByteArrayInputStream(body)),
          () -> new CorsConfigurationXml().parse(new ByteArrayInputStream(body)),
        }) {
      Throwable thrown = catchThrowable(parse::run);
      if (thrown != null) {
        assertThat(thrown).isInstanceOf(CofferException.class);
        assertThat(((CofferException) thrown).code()).isEqualTo(ErrorCode.MALFORMED_XML);
      }
    }
  }
}
