package io.coffer.s3.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.s3.request.ContinuationToken.Listing;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ContinuationTokenTest {
  @Test
  void aTokenGivesBackThePositionItWasIssuedFor() {
    for (String position :
        new String[] {"", "a", "photos/2024/", "ünï cödé", "\uD83D\uDE00", "x".repeat(1024)}) {
      String token = ContinuationToken.issue(Listing.OBJECTS, "bucket", position);
      assertThat(token).matches("[A-Za-z0-9_-]+");
      assertThat(ContinuationToken.parse(Listing.OBJECTS, "bucket", token).position())
          .isEqualTo(position);
    }
  }

  @Test
  void aContinuationTokenCofferDidNotIssueIsInvalidArgument() {
    String token = ContinuationToken.issue(Listing.OBJECTS, "bucket", "some/key");
    assertIncorrect(Listing.OBJECTS, "bucket", "");
    assertIncorrect(Listing.OBJECTS, "bucket", "not base64!");
    assertIncorrect(
        Listing.OBJECTS,
        "bucket",
        Base64.getUrlEncoder().encodeToString("some/key".getBytes(StandardCharsets.UTF_8)));
    assertIncorrect(Listing.OBJECTS, "other", token); // another bucket's
    assertIncorrect(
        Listing.BUCKETS,
        "",
        ContinuationToken.issue(Listing.OBJECTS, "", "k")); // another listing's
    assertIncorrect(Listing.OBJECTS, "bucket", token.substring(0, token.length() - 1));
    assertIncorrect(Listing.OBJECTS, "bucket", token.substring(0, 6));
    for (int i = 0; i < token.length(); i++) {
      char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
      String garbled = token.substring(0, i) + replacement + token.substring(i + 1);
      if (i == token.length() - 1) {
        continue; // the last character may carry padding bits only
      }
      assertIncorrect(Listing.OBJECTS, "bucket", garbled);
    }
  }

  private static void assertIncorrect(Listing listing, String scope, String token) {
    assertThatThrownBy(() -> ContinuationToken.parse(listing, scope, token).position())
        .as(token)
        .isInstanceOfSatisfying(
            CofferException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage()).isEqualTo("The continuation token provided is incorrect");
              assertThat(e.fields()).containsExactly(entry("ArgumentName", "continuation-token"));
            });
  }
}
