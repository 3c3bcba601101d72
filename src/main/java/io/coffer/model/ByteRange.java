package io.coffer.model;

/**
 * A byte range as a Range header asks for it: {@code bytes=first-last}, {@code bytes=first-} or
 * {@code bytes=-suffixLength}. {@link #resolve} turns it into offsets within an object.
 *
 * @param first first byte, or -1 for a suffix range
 * @param last last byte (inclusive), or -1 for "to the end"
 * @param suffixLength for {@code bytes=-n}, else -1
 * @param withinSource a copy source range ({@code x-amz-copy-source-range}): it must lie wholly
 *     within the source, where a Range header is clamped to the object's end
 */
public record ByteRange(long first, long last, long suffixLength, boolean withinSource) {

  public ByteRange(long first, long last, long suffixLength) {
    this(first, last, suffixLength, false);
  }

  /** The bytes {@code first} to {@code last} of a copy source, both within its size. */
  public static ByteRange copySource(long first, long last) {
    return new ByteRange(first, last, -1, true);
  }

  /**
   * The satisfiable part of this range in an object of {@code size} bytes; INVALID_RANGE if none. A
   * copy source range must lie within the source: S3 answers INVALID_REQUEST when it starts past
   * the end and INVALID_ARGUMENT when it only ends past it.
   */
  public Resolved resolve(long size) {
    if (withinSource && first >= size) {
      throw new CofferException(
          ErrorCode.INVALID_REQUEST,
          "The specified copy range is invalid for the source object size");
    }
    if (withinSource && last >= size) {
      // S3 copies exactly the bytes asked for or nothing: a part cut short would be silently wrong.
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "Range specified is not valid for source object of size: " + size);
    }
    long start;
    long end;
    if (first < 0) {
      if (suffixLength <= 0 || size == 0) {
        throw unsatisfiable(size);
      }
      start = Math.max(0, size - suffixLength);
      end = size - 1;
    } else {
      if (first >= size) {
        throw unsatisfiable(size);
      }
      start = first;
      end = last < 0 ? size - 1 : Math.min(last, size - 1);
    }
    return new Resolved(start, end, size);
  }

  private static CofferException unsatisfiable(long size) {
    return new CofferException(
        ErrorCode.INVALID_RANGE,
        "The requested range is not satisfiable (object size " + size + ")");
  }

  /** Offsets within an object: [start, end] inclusive. */
  public record Resolved(long start, long end, long objectSize) {
    public long length() {
      return end - start + 1;
    }

    public String contentRange() {
      return "bytes " + start + "-" + end + "/" + objectSize;
    }
  }
}
