package io.coffer.s3.request;

import io.coffer.http.Query;
import io.coffer.model.CofferException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * ListBuckets' pagination parameters ({@code max-buckets}, {@code continuation-token}, {@code
 * prefix}, {@code bucket-region}), checked as S3 checks them. Without any of them the request is
 * the classic, unpaginated ListBuckets.
 *
 * @param prefix null when not sent (then not echoed)
 * @param region the region to filter by (the server's own), or null for any
 * @param after the last bucket name of the previous page, or null
 */
public record ListBucketsParameters(
    boolean paginated,
    int maxBuckets,
    @Nullable String prefix,
    @Nullable String region,
    @Nullable String after) {
  static final int MAX_BUCKETS = 10_000;
  private static final String[] NAMES = {
    "max-buckets", ContinuationToken.PARAMETER, "prefix", "bucket-region"
  };

  /** What an AWS region name looks like (us-east-1, eu-central-2, us-gov-west-1, ...). */
  private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]+");

  static ListBucketsParameters of(Query query, String serverRegion) {
    boolean paginated = false;
    for (String name : NAMES) {
      paginated |= query.get(name) != null;
    }
    if (!paginated) {
      return new ListBucketsParameters(false, Integer.MAX_VALUE, null, null, null);
    }
    int maxBuckets = maxBuckets(query.get("max-buckets"));
    String region = region(query.get("bucket-region"), serverRegion);
    String token = query.get(ContinuationToken.PARAMETER);
    String after =
        token == null
            ? null
            : ContinuationToken.parse(ContinuationToken.Listing.BUCKETS, "", token).position();
    return new ListBucketsParameters(true, maxBuckets, query.get("prefix"), region, after);
  }

  /**
   * S3 reads max-buckets as it reads max-keys: an optional minus sign and ASCII digits that fit an
   * int (leading zeros allowed), and only then holds it to 1..10000. Empty means the default.
   */
  private static int maxBuckets(@Nullable String value) {
    if (value == null || value.isEmpty()) {
      return MAX_BUCKETS;
    }
    long parsed = 0;
    boolean negative = value.startsWith("-");
    int digits = 0;
    for (int i = negative ? 1 : 0; i < value.length(); i++, digits++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        throw notAnInteger(value);
      }
      parsed = parsed * 10 + (c - '0');
      if (parsed > (long) Integer.MAX_VALUE + 1) {
        throw notAnInteger(value);
      }
    }
    parsed = negative ? -parsed : parsed;
    if (digits == 0 || parsed > Integer.MAX_VALUE) {
      throw notAnInteger(value);
    }
    if (parsed < 1 || parsed > MAX_BUCKETS) {
      throw CofferException.invalidArgument(
          "Argument max-buckets must be an integer between 1 and " + MAX_BUCKETS,
          "max-buckets",
          Long.toString(parsed));
    }
    return (int) parsed;
  }

  private static CofferException notAnInteger(String value) {
    return CofferException.invalidArgument(
        "Provided max-buckets not an integer or within integer range", "max-buckets", value);
  }

  /**
   * Every bucket lives in the server's region: another region is one this endpoint does not serve.
   */
  private static @Nullable String region(@Nullable String value, String serverRegion) {
    if (value == null) {
      return null;
    }
    if (value.toLowerCase(Locale.ROOT).equals(serverRegion.toLowerCase(Locale.ROOT))) {
      return serverRegion;
    }
    String message =
        REGION_NAME.matcher(value.toLowerCase(Locale.ROOT)).matches()
            ? "Requests with bucket-region specified must be made to the corresponding regional"
                + " endpoint"
            : "Argument value " + value + " is not a valid AWS Region";
    throw CofferException.invalidArgument(message, "bucket-region", null);
  }
}
