package io.coffer.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KmsKeyIdsTest {

  @Test
  void aNameIsItself() {
    assertThat(KmsKeyIds.name("reports-key")).isEqualTo("reports-key");
  }

  @Test
  void anArnIsReducedToTheName() {
    assertThat(KmsKeyIds.name("arn:aws:kms:us-east-1:123456789012:key/reports-key"))
        .isEqualTo("reports-key");
  }

  @Test
  void theArnAnsweredNamesTheKey() {
    String arn = KmsKeyIds.arn("eu-west-1", "123456789012", "k1");
    assertThat(arn).isEqualTo("arn:aws:kms:eu-west-1:123456789012:key/k1");
    assertThat(KmsKeyIds.name(arn)).isEqualTo("k1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "arn:aws:kms:us-east-1:123456789012:alias/reports",
        "arn:aws:kms:us-east-1:123456789012:key/",
        "arn:aws:s3:::bucket"
      })
  void malformedIdsAreInvalidArguments(String id) {
    assertThatThrownBy(() -> KmsKeyIds.name(id))
        .isInstanceOfSatisfying(
            CofferException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
