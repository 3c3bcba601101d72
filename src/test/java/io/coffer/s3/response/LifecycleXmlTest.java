package io.coffer.s3.response;

import static io.coffer.s3.response.Golden.document;
import static io.coffer.s3.response.Golden.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.LifecycleExpiration;
import io.coffer.model.LifecycleFilter;
import io.coffer.model.LifecycleRule;
import io.coffer.model.NoncurrentVersionExpiration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleXmlTest {
  @Test
  void rulesWithEveryActionAndEachKindOfFilter() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("b", "2");
    tags.put("a", "1");
    LifecycleConfiguration configuration =
        new LifecycleConfiguration(
            List.of(
                new LifecycleRule(
                    "all",
                    true,
                    new LifecycleFilter("logs/", tags, 10L, 100L, false),
                    new LifecycleExpiration(30, null, false),
                    new NoncurrentVersionExpiration(7, 2),
                    null),
                new LifecycleRule(
                    "legacy",
                    false,
                    new LifecycleFilter("tmp/", Map.of(), null, null, true),
                    new LifecycleExpiration(null, LocalDate.of(2027, 1, 1), false),
                    null,
                    3),
                new LifecycleRule(
                    "markers",
                    true,
                    LifecycleFilter.EVERYTHING,
                    new LifecycleExpiration(null, null, true),
                    new NoncurrentVersionExpiration(1, null),
                    null),
                new LifecycleRule(
                    "one-tag",
                    true,
                    new LifecycleFilter(null, Map.of("k", "v"), null, null, false),
                    new LifecycleExpiration(1, null, false),
                    null,
                    null)));
    assertThat(text(LifecycleXml.lifecycleConfiguration(configuration)))
        .isEqualTo(
            document(
                "<LifecycleConfiguration" + Golden.NS + ">",
                "<Rule><ID>all</ID><Filter><And><Prefix>logs/</Prefix>",
                "<Tag><Key>b</Key><Value>2</Value></Tag><Tag><Key>a</Key><Value>1</Value></Tag>",
                "<ObjectSizeGreaterThan>10</ObjectSizeGreaterThan>",
                "<ObjectSizeLessThan>100</ObjectSizeLessThan></And></Filter>",
                "<Status>Enabled</Status><Expiration><Days>30</Days></Expiration>",
                "<NoncurrentVersionExpiration><NoncurrentDays>7</NoncurrentDays>",
                "<NewerNoncurrentVersions>2</NewerNoncurrentVersions>",
                "</NoncurrentVersionExpiration></Rule>",
                "<Rule><ID>legacy</ID><Prefix>tmp/</Prefix><Status>Disabled</Status>",
                "<Expiration><Date>2027-01-01T00:00:00.000Z</Date></Expiration>",
                "<AbortIncompleteMultipartUpload><DaysAfterInitiation>3</DaysAfterInitiation>",
                "</AbortIncompleteMultipartUpload></Rule>",
                "<Rule><ID>markers</ID><Filter></Filter><Status>Enabled</Status>",
                "<Expiration><ExpiredObjectDeleteMarker>true</ExpiredObjectDeleteMarker>",
                "</Expiration><NoncurrentVersionExpiration><NoncurrentDays>1</NoncurrentDays>",
                "</NoncurrentVersionExpiration></Rule>",
                "<Rule><ID>one-tag</ID><Filter><Tag><Key>k</Key><Value>v</Value></Tag></Filter>",
                "<Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>",
                "</LifecycleConfiguration>"));
  }
}
