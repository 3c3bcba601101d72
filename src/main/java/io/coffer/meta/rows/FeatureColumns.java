package io.coffer.meta.rows;

import io.coffer.model.BucketEncryption;
import io.coffer.model.BucketFeatures;
import io.coffer.model.CorsConfiguration;
import io.coffer.model.Encryption;
import io.coffer.model.LifecycleConfiguration;
import io.coffer.model.NotificationConfiguration;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a bucket's features are kept: tags as a JSON object (see {@link Json}), the CORS and
 * lifecycle configurations as JSON documents of their model records (field names are the record
 * components', so renaming one is a change of the on-disk format), the quota as an integer.
 */
public final class FeatureColumns {
  /** The columns {@link #bucketFeatures} reads, in order. */
  public static final String BUCKET_FEATURE_COLUMNS =
      "tags, cors, lifecycle, quota_bytes, encryption, notification";

  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private FeatureColumns() {}

  public static BucketFeatures bucketFeatures(ResultSet rs, int first) throws SQLException {
    return new BucketFeatures(
        Json.decode(rs.getString(first)),
        decode(rs.getString(first + 1), CorsConfiguration.class),
        decode(rs.getString(first + 2), LifecycleConfiguration.class),
        Rows.nullableLong(rs, first + 3),
        decode(rs.getString(first + 4), BucketEncryption.class),
        decode(rs.getString(first + 5), NotificationConfiguration.class));
  }

  /** An object's or upload's encryption column. */
  public static @Nullable Encryption encryption(@Nullable String column) {
    return decode(column, Encryption.class);
  }

  public static @Nullable String encode(@Nullable Object configuration) {
    return configuration == null ? null : MAPPER.writeValueAsString(configuration);
  }

  private static <T> @Nullable T decode(@Nullable String column, Class<T> type) {
    return column == null ? null : MAPPER.readValue(column, type);
  }
}
