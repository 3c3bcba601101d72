package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.model.Credential;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tag condition keys: which requests carry them, and from where. */
class RequestConditionsTest {
  private static final Credential ALICE =
      new Credential(7, "AKALICE", "secret-alice", "alice", true, Instant.EPOCH);

  private final List<String> lookups = new ArrayList<>();
  private final ExistingObjectTags stored =
      (bucket, key, versionId) -> {
        lookups.add(bucket + "/" + key + "@" + versionId);
        return Map.of("class", "public");
      };

  private static Caller caller(Map<String, String> headers, Map<String, String> query) {
    return new Caller.User(
        ALICE, new RequestContext(null, false, null, null, headers::get, query::get));
  }

  private RequestConditions conditions(Caller caller, Action action) {
    return new RequestConditions(caller, action, "b", "k", Instant.EPOCH, stored);
  }

  @Test
  void requestTagsComeFromTheHeaderOnPutObject() {
    Caller caller = caller(Map.of("x-amz-tagging", "team=red&cost=1"), Map.of());
    RequestConditions put = conditions(caller, Action.PUT_OBJECT);
    assertThat(put.get("s3:requestobjecttag/team")).containsExactly("red");
    assertThat(put.get("s3:requestobjecttag/other")).isEmpty();
    assertThat(put.get("s3:requestobjecttagkeys")).containsExactly("team", "cost");
    // an action that sets no tags carries none, whatever headers it has
    assertThat(conditions(caller, Action.GET_OBJECT).get("s3:requestobjecttagkeys")).isEmpty();
  }

  @Test
  void aCopySetsTagsOnlyWithReplace() {
    Map<String, String> copy = Map.of("x-amz-tagging", "team=red", "x-amz-copy-source", "/b/src");
    assertThat(
            conditions(caller(copy, Map.of()), Action.PUT_OBJECT).get("s3:requestobjecttag/team"))
        .isEmpty();
    Map<String, String> replace =
        Map.of(
            "x-amz-tagging", "team=red",
            "x-amz-copy-source", "/b/src",
            "x-amz-tagging-directive", "REPLACE");
    assertThat(
            conditions(caller(replace, Map.of()), Action.PUT_OBJECT)
                .get("s3:requestobjecttag/team"))
        .containsExactly("red");
  }

  @Test
  void tagsABodyCarriesWinOverTheHeader() {
    Caller caller = caller(Map.of(), Map.of()).withRequestTags(Map.of("team", "blue"));
    assertThat(conditions(caller, Action.PUT_OBJECT_TAGGING).get("s3:requestobjecttag/team"))
        .containsExactly("blue");
  }

  @Test
  void existingTagsAreReadOnceAndOnlyWhenAsked() {
    RequestConditions get =
        conditions(caller(Map.of(), Map.of("versionId", "v1")), Action.GET_OBJECT_VERSION);
    assertThat(get.get("aws:username")).containsExactly("alice");
    assertThat(lookups).isEmpty();
    assertThat(get.get("s3:existingobjecttag/class")).containsExactly("public");
    assertThat(get.get("s3:existingobjecttag/none")).isEmpty();
    assertThat(lookups).containsExactly("b/k@v1");
    // PutObject acts on no existing version
    assertThat(
            conditions(caller(Map.of(), Map.of()), Action.PUT_OBJECT)
                .get("s3:existingobjecttag/class"))
        .isEmpty();
    assertThat(lookups).hasSize(1);
  }

  @Test
  void aCopysSourceReadIsOfTheVersionItNames() {
    Caller caller = caller(Map.of("x-amz-copy-source", "/b/k?versionId=v9"), Map.of());
    assertThat(conditions(caller, Action.GET_OBJECT_VERSION).get("s3:existingobjecttag/class"))
        .containsExactly("public");
    assertThat(lookups).containsExactly("b/k@v9");
  }

  @Test
  void theTransportReachesSecureTransportAndTlsVersion() {
    RequestContext plain = new RequestContext(null, false, null, null, n -> null, n -> null);
    RequestConditions overHttp = conditions(new Caller.User(ALICE, plain), Action.GET_OBJECT);
    assertThat(overHttp.get("aws:securetransport")).containsExactly("false");
    assertThat(overHttp.get("s3:tlsversion")).isEmpty();
    RequestConditions overTls =
        conditions(new Caller.User(ALICE, plain.withTlsVersion("1.2")), Action.GET_OBJECT);
    assertThat(overTls.get("aws:securetransport")).containsExactly("true");
    assertThat(overTls.get("s3:tlsversion")).containsExactly("1.2");
  }
}
