package io.coffer.meta;

import static io.coffer.meta.Fixtures.T0;
import static io.coffer.meta.Fixtures.UTF8_ORDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Credential;
import io.coffer.model.ListPage;
import io.coffer.model.ListQuery;
import io.coffer.model.ListedObject;
import io.coffer.model.MultipartUpload;
import io.coffer.model.UploadListing;
import io.coffer.model.WritePrecondition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Listings (objects and uploads) against a TreeMap model in UTF-8 byte order: random keys with
 * multi-byte and supplementary characters, random prefixes, delimiters, markers and page sizes,
 * paged to the end.
 */
abstract class ListingProperties {
  /** The store the properties run against (one subclass per kind). */
  abstract Stores.Kind kind();

  /** Tokens that keys are made of; U+FF61 and U+1F600 order differently in UTF-16 and UTF-8. */
  private static final List<String> TOKENS =
      List.of(
          "a", "b", "/", "/", "//", "é", "\uFF61", "😀", "€", " ", "+", "%", ".", "..", "~", "a/",
          "\u0000");

  private static final List<String> DELIMITERS =
      List.of("/", "/", "/", "//", "a", "😀", "/a", "é", ".");

  private Path dir;
  private Stores stores;
  private MetadataStore store;
  private Credential owner;
  private static final AtomicInteger buckets = new AtomicInteger();

  /** One store for all tries of a property (each try makes its own bucket). */
  @BeforeProperty
  void open() throws IOException {
    dir = Files.createTempDirectory("coffer-listing");
    stores = Stores.create(kind(), dir);
    store = stores.open(false);
    owner = store.createCredential("AK", "SK", "owner", T0);
  }

  @AfterProperty
  void close() throws IOException {
    stores.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** How a query's prefix or marker is chosen: a leading part of a stored key, or made up. */
  record Pick(boolean fromKey, int index, int codePoints, String madeUp) {
    String resolve(List<String> keys) {
      if (!fromKey || keys.isEmpty()) {
        return madeUp;
      }
      String k = keys.get(Math.floorMod(index, keys.size()));
      int n = Math.min(codePoints, k.codePointCount(0, k.length()));
      return k.substring(0, k.offsetByCodePoints(0, n));
    }
  }

  record Query(Pick prefix, String delimiter, Pick after, boolean hasAfter, int pageSize) {}

  @Provide
  Arbitrary<List<String>> keys() {
    return Arbitraries.of(TOKENS)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(t -> String.join("", t))
        .list()
        .ofMaxSize(60);
  }

  @Provide
  Arbitrary<List<Query>> queries() {
    Arbitrary<String> madeUp =
        Arbitraries.of(TOKENS).list().ofMaxSize(3).map(t -> String.join("", t));
    Arbitrary<Pick> pick =
        Combinators.combine(
                Arbitraries.of(true, true, false),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 6),
                madeUp)
            .as(Pick::new);
    Arbitrary<String> delimiter =
        Arbitraries.oneOf(Arbitraries.of(DELIMITERS), Arbitraries.just(null), Arbitraries.just(""));
    Arbitrary<Integer> pageSize =
        Arbitraries.oneOf(Arbitraries.integers().between(1, 7), Arbitraries.just(1000));
    return Combinators.combine(pick, delimiter, pick, Arbitraries.of(true, false), pageSize)
        .as(Query::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  /** One entry of the expected listing: a key or a common prefix. */
  record Entry(String value, boolean prefix) {}

  static List<Entry> model(TreeSet<String> keys, String prefix, String delimiter, String after) {
    List<Entry> out = new ArrayList<>();
    for (String k : keys) {
      if (!k.startsWith(prefix)) {
        continue;
      }
      Entry e = new Entry(k, false);
      if (delimiter != null && !delimiter.isEmpty()) {
        int i = k.indexOf(delimiter, prefix.length());
        if (i >= 0) {
          e = new Entry(k.substring(0, i + delimiter.length()), true);
        }
      }
      if (after != null && UTF8_ORDER.compare(e.value(), after) <= 0) {
        continue;
      }
      if (out.isEmpty() || !out.get(out.size() - 1).equals(e)) {
        out.add(e);
      }
    }
    return out;
  }

  @Property(tries = 200)
  void objectListingPagesLikeTheModel(
      @ForAll("keys") List<String> keys, @ForAll("queries") List<Query> queries) {
    String bucket = "b" + buckets.incrementAndGet();
    store.createBucket(bucket, owner.id(), "r", T0, false);
    TreeSet<String> model = new TreeSet<>(UTF8_ORDER);
    int n = 0;
    for (String k : keys) {
      Fixtures.put(
          store, Fixtures.object(bucket, k, "s" + n++, k.length(), "e"), WritePrecondition.NONE);
      model.add(k);
    }
    List<String> keyList = new ArrayList<>(model);
    for (Query q : queries) {
      String prefix = q.prefix().resolve(keyList);
      String after = q.hasAfter() ? q.after().resolve(keyList) : null;
      List<Entry> expected = model(model, prefix, q.delimiter(), after);
      List<Entry> actual = new ArrayList<>();
      String marker = after;
      for (int page = 0; ; page++) {
        assertThat(page).as("page count").isLessThanOrEqualTo(expected.size() + 1);
        ListPage p =
            store.listObjects(new ListQuery(bucket, prefix, q.delimiter(), marker, q.pageSize()));
        List<Entry> entries = new ArrayList<>();
        for (ListedObject o : p.objects()) {
          assertThat(o.bucket()).isEqualTo(bucket);
          entries.add(new Entry(o.key(), false));
        }
        p.commonPrefixes().forEach(cp -> entries.add(new Entry(cp, true)));
        entries.sort(Comparator.comparing(Entry::value, UTF8_ORDER));
        assertThat(entries.size()).isLessThanOrEqualTo(q.pageSize());
        int from = actual.size();
        actual.addAll(entries);
        assertThat(actual)
            .as(
                "prefix=%s delimiter=%s after=%s page=%d",
                prefix, q.delimiter(), after, q.pageSize())
            .isEqualTo(expected.subList(0, Math.min(expected.size(), actual.size())));
        assertThat(p.truncated()).isEqualTo(actual.size() < expected.size());
        if (entries.isEmpty()) {
          assertThat(p.lastReturned()).isNull();
        } else {
          assertThat(p.lastReturned()).isEqualTo(entries.get(entries.size() - 1).value());
          assertThat(entries.size()).isEqualTo(Math.min(q.pageSize(), expected.size() - from));
        }
        if (!p.truncated()) {
          break;
        }
        marker = p.lastReturned();
      }
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Property(tries = 100)
  void uploadListingPagesLikeTheModel(
      @ForAll("keys") List<String> keys, @ForAll("queries") List<Query> queries) {
    String bucket = "u" + buckets.incrementAndGet();
    store.createBucket(bucket, owner.id(), "r", T0, false);
    // several uploads per key, in initiation order
    TreeMap<String, List<String>> model = new TreeMap<>(UTF8_ORDER);
    int n = 0;
    for (String k : keys) {
      String id = bucket + "-" + (1000 - n++); // IDs deliberately not in initiation order
      store.createUpload(Fixtures.upload(id, bucket, k));
      model.computeIfAbsent(k, x -> new ArrayList<>()).add(id);
    }
    List<String> keyList = new ArrayList<>(model.keySet());
    for (Query q : queries) {
      String prefix = q.prefix().resolve(keyList);
      String keyMarker = q.hasAfter() ? q.after().resolve(keyList) : null;
      TreeSet<String> keySet = new TreeSet<>(UTF8_ORDER);
      keySet.addAll(model.keySet());
      List<String> expected = new ArrayList<>();
      for (Entry e : model(keySet, prefix, q.delimiter(), keyMarker)) {
        if (e.prefix()) {
          expected.add("P:" + e.value());
        } else {
          model.get(e.value()).forEach(id -> expected.add("U:" + e.value() + "#" + id));
        }
      }
      List<String> actual = new ArrayList<>();
      String km = keyMarker;
      String um = null;
      for (int page = 0; ; page++) {
        assertThat(page).isLessThanOrEqualTo(expected.size() + 1);
        UploadListing l = store.listUploads(bucket, prefix, q.delimiter(), km, um, q.pageSize());
        List<String> entries = new ArrayList<>();
        for (MultipartUpload u : l.uploads()) {
          entries.add("U:" + u.key() + "#" + u.uploadId());
        }
        // uploads and prefixes merged by key; uploads of one key keep their order
        List<String> merged = new ArrayList<>();
        int i = 0;
        for (String cp : l.commonPrefixes()) {
          while (i < l.uploads().size() && UTF8_ORDER.compare(l.uploads().get(i).key(), cp) < 0) {
            merged.add(entries.get(i++));
          }
          merged.add("P:" + cp);
        }
        while (i < entries.size()) {
          merged.add(entries.get(i++));
        }
        assertThat(merged.size()).isLessThanOrEqualTo(q.pageSize());
        actual.addAll(merged);
        assertThat(actual).isEqualTo(expected.subList(0, Math.min(expected.size(), actual.size())));
        assertThat(l.truncated()).isEqualTo(actual.size() < expected.size());
        if (!l.truncated()) {
          assertThat(l.nextKeyMarker()).isNull();
          break;
        }
        km = l.nextKeyMarker();
        um = l.nextUploadIdMarker();
      }
      assertThat(actual).isEqualTo(expected);
    }
  }
}
