package io.coffer.s3.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the bytes, PutBucketNotificationConfiguration's parser succeeds or answers one of the S3
 * errors it documents (MalformedXML; InvalidArgument for a filter rule; NotImplemented for a Lambda
 * or EventBridge destination), never anything else.
 */
class NotificationConfigurationXmlPropertyTest {
  private static final byte[] VALID =
      ("<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
           + "<QueueConfiguration><Id>a</Id><Queue>arn:coffer:sqs::h:webhook</Queue>"
           + "<Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>prefix</Name>"
           + "<Value>x/</Value></FilterRule></S3Key></Filter></QueueConfiguration>"
           + "<TopicConfiguration><Topic>arn:coffer:sqs::n:nats</Topic>"
           + "<Event>s3:ObjectRemoved:*</Event></TopicConfiguration></NotificationConfiguration>")
          .getBytes(StandardCharsets.UTF_8);

  private static final Set<ErrorCode> DOCUMENTED =
      Set.of(ErrorCode.MALFORMED_XML, ErrorCode.INVALID_ARGUMENT, ErrorCode.NOT_IMPLEMENTED);

  @Property(tries = 300)
  void arbitraryBytes(@ForAll @Size(max = 300) byte[] body) {
    assertOnlyDocumentedErrors(body);
  }

  @Property(tries = 500)
  void mutatedValidDocuments(
      @ForAll @IntRange(max = 400) int at,
      @ForAll @IntRange(max = 5) int removed,
      @ForAll @Size(max = 6) byte[] inserted) {
    int cut = Math.min(at, VALID.length);
    int resume = Math.min(VALID.length, cut + removed);
    byte[] mutated = new byte[cut + inserted.length + VALID.length - resume];
    System.arraycopy(VALID, 0, mutated, 0, cut);
    System.arraycopy(inserted, 0, mutated, cut, inserted.length);
    System.arraycopy(VALID, resume, mutated, cut + inserted.length, VALID.length - resume);
    assertOnlyDocumentedErrors(mutated);
  }

  private static void assertOnlyDocumentedErrors(byte[] body) {
    Throwable thrown =
        catchThrowable(
            () -> new NotificationConfigurationXml().parse(new ByteArrayInputStream(body)));
    if (thrown != null) {
      assertThat(thrown).isInstanceOf(CofferException.class);
      assertThat(((CofferException) thrown).code()).isIn(DOCUMENTED);
    }
  }
}
