package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.OWNER;
import static io.coffer.s3.response.Golden.OWNER_XML;
import static io.coffer.s3.response.Golden.TIME;
import static io.coffer.s3.response.Golden.TIME_TEXT;
import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Bucket;
import io.coffer.model.BucketAccess;
import io.coffer.model.BucketFeatures;
import io.coffer.model.ObjectOwnership;
import io.coffer.model.Versioning;
import io.coffer.s3.request.ContinuationToken;
import io.coffer.service.BucketService.BucketPage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketXmlTest {
  private static final Bucket PHOTOS =
      new Bucket(
          "photos",
          "id1",
          7,
          "eu-west-1",
          TIME,
          0,
          0,
          io.coffer.model.Versioning.UNVERSIONED,
          false,
          null,
          BucketAccess.of(ObjectOwnership.OBJECT_WRITER),
          BucketFeatures.NONE);

  @Test
  void listAllMyBuckets() {
    assertThat(
            text(BucketXml.listAllMyBuckets(OWNER, new BucketPage(List.of(PHOTOS), false), null)))
        .isEqualTo(
            document(
                "<ListAllMyBucketsResult" + Golden.NS + ">",
                OWNER_XML,
                "<Buckets><Bucket><Name>photos</Name><CreationDate>"
                    + TIME_TEXT
                    + "</CreationDate><BucketRegion>eu-west-1</BucketRegion></Bucket></Buckets>",
                "</ListAllMyBucketsResult>"));
  }

  @Test
  void aTruncatedPageEchoesThePrefixAndContinuesAfterItsLastBucket() {
    String token = ContinuationToken.issue(ContinuationToken.Listing.BUCKETS, "", "photos");
    assertThat(text(BucketXml.listAllMyBuckets(OWNER, new BucketPage(List.of(PHOTOS), true), "ph")))
        .isEqualTo(
            document(
                "<ListAllMyBucketsResult" + Golden.NS + ">",
                OWNER_XML,
                "<Buckets><Bucket><Name>photos</Name><CreationDate>"
                    + TIME_TEXT
                    + "</CreationDate><BucketRegion>eu-west-1</BucketRegion></Bucket></Buckets>",
                "<Prefix>ph</Prefix><ContinuationToken>" + token + "</ContinuationToken>",
                "</ListAllMyBucketsResult>"));
  }

  @Test
  void locationConstraintIsEmptyForUsEast1() {
    assertThat(text(BucketXml.locationConstraint("eu-west-1")))
        .isEqualTo(document("<LocationConstraint" + Golden.NS + ">eu-west-1</LocationConstraint>"));
    assertThat(text(BucketXml.locationConstraint("us-east-1")))
        .isEqualTo(document("<LocationConstraint" + Golden.NS + "></LocationConstraint>"));
  }

  @Test
  void versioningConfigurationIsEmptyForABucketNeverVersioned() {
    assertThat(text(BucketXml.versioningConfiguration(Versioning.UNVERSIONED)))
        .isEqualTo(
            document("<VersioningConfiguration" + Golden.NS + "></VersioningConfiguration>"));
  }

  @Test
  void versioningConfigurationHasTheStatus() {
    assertThat(text(BucketXml.versioningConfiguration(Versioning.ENABLED)))
        .isEqualTo(
            document(
                "<VersioningConfiguration" + Golden.NS + ">",
                "<Status>Enabled</Status></VersioningConfiguration>"));
    assertThat(text(BucketXml.versioningConfiguration(Versioning.SUSPENDED)))
        .isEqualTo(
            document(
                "<VersioningConfiguration" + Golden.NS + ">",
                "<Status>Suspended</Status></VersioningConfiguration>"));
  }
}
