package io.coffer.service.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.NotificationConfiguration;
import io.coffer.model.NotificationRule;
import io.coffer.model.NotificationRule.Kind;
import io.coffer.model.NotificationTarget;
import io.coffer.model.TargetType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The checks of PutBucketNotificationConfiguration, as AWS makes them. */
class NotificationRulesTest {
  private static final NotificationTarget HOOK =
      new NotificationTarget("hook", TargetType.WEBHOOK, "{}", Instant.EPOCH);
  private static final NotificationTarget BUS =
      new NotificationTarget("bus", TargetType.NATS, "{}", Instant.EPOCH);
  private static final Map<String, NotificationTarget> TARGETS =
      Map.of(HOOK.id(), HOOK, BUS.id(), BUS);
  private static final Function<String, Optional<NotificationTarget>> LOOKUP =
      id -> Optional.ofNullable(TARGETS.get(id));

  static NotificationRule rule(String id, String arn, String prefix, String suffix, String... ev) {
    return new NotificationRule(id, Kind.QUEUE, arn, "", List.of(ev), prefix, suffix);
  }

  static NotificationConfiguration validate(NotificationRule... rules) {
    return NotificationRules.validate(new NotificationConfiguration(List.of(rules)), LOOKUP);
  }

  static CofferException refusal(NotificationRule... rules) {
    return catchThrowableOfType(CofferException.class, () -> validate(rules));
  }

  @Test
  void targetIdsAreResolvedAndMissingIdsGenerated() {
    NotificationConfiguration checked =
        validate(
            rule("", HOOK.arn(), "", "", "s3:ObjectCreated:*"),
            rule("mine", BUS.arn(), "", "", "s3:ObjectRemoved:*"));
    assertThat(checked.rules().get(0).targetId()).isEqualTo("hook");
    assertThat(checked.rules().get(0).id()).isNotEmpty();
    assertThat(checked.rules().get(1).targetId()).isEqualTo("bus");
    assertThat(checked.rules().get(1).id()).isEqualTo("mine");
    NotificationConfiguration again = validate(rule("", HOOK.arn(), "", "", "s3:ObjectCreated:*"));
    assertThat(again.rules().get(0).id()).isNotEqualTo(checked.rules().get(0).id());
  }

  @Test
  void anUnknownEventIsInvalidArgument() {
    CofferException e = refusal(rule("", HOOK.arn(), "", "", "s3:ObjectCreated:Puts"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).isEqualTo("The event is not supported for notifications");
    assertThat(e.fields()).containsEntry("ArgumentValue", "s3:ObjectCreated:Puts");
    // Matching is case-sensitive, as AWS's.
    assertThat(refusal(rule("", HOOK.arn(), "", "", "s3:objectcreated:*")).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  void eventTypesCofferNeverProducesAreNotImplemented() {
    for (String event :
        List.of(
            "s3:ObjectRestore:*",
            "s3:Replication:OperationFailedReplication",
            "s3:ObjectAcl:Put")) {
      CofferException e = refusal(rule("", HOOK.arn(), "", "", event));
      assertThat(e.code()).as(event).isEqualTo(ErrorCode.NOT_IMPLEMENTED);
    }
  }

  @Test
  void aFilterValueOver1024BytesIsInvalidArgument() {
    assertThat(validate(rule("", HOOK.arn(), "é".repeat(512), "", "s3:ObjectCreated:*")))
        .isNotNull();
    CofferException e =
        refusal(rule("", HOOK.arn(), "é".repeat(512) + "x", "", "s3:ObjectCreated:*"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage())
        .isEqualTo("Size of filter rule value cannot exceed 1024 bytes in UTF-8 representation");
  }

  @Test
  void aRepeatedIdIsInvalidArgument() {
    CofferException e =
        refusal(
            rule("same", HOOK.arn(), "", "", "s3:ObjectCreated:*"),
            rule("same", BUS.arn(), "", "", "s3:ObjectRemoved:*"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  /** prefix1, suffix1, events1, prefix2, suffix2, events2, whether they overlap. */
  @ParameterizedTest
  @CsvSource({
    "'',         '',     s3:ObjectCreated:*,   '',        '',     s3:ObjectCreated:Put, true",
    "'',         '',     s3:ObjectCreated:*,   '',        '',     s3:ObjectRemoved:*,   false",
    "images/,    '',     s3:ObjectCreated:*,   images/a/, '',     s3:ObjectCreated:*,   true",
    "images/,    '',     s3:ObjectCreated:*,   docs/,     '',     s3:ObjectCreated:*,   false",
    "'',         .jpg,   s3:ObjectCreated:*,   '',        .png,   s3:ObjectCreated:*,   false",
    "'',         .jpg,   s3:ObjectCreated:*,   '',        x.jpg,  s3:ObjectCreated:*,   true",
    // AWS's own example: a prefix on one, a suffix on the other; images/a.jpg passes both
    "images/,    '',     s3:ObjectCreated:Put, '',        .jpg,   s3:ObjectCreated:Put, true",
    "images/,    .png,   s3:ObjectCreated:Put, images/,   .jpg,   s3:ObjectCreated:Put, false",
    "'',         '',     s3:ObjectRemoved:*,   '',        '',    "
        + " s3:ObjectRemoved:DeleteMarkerCreated, true",
    "'',         '',     s3:LifecycleExpiration:*, '',    '',     s3:ObjectRemoved:*,   false",
  })
  void rulesOverlapWhenOneEventOfOneKeyWouldMatchBoth(
      String prefix1,
      String suffix1,
      String events1,
      String prefix2,
      String suffix2,
      String events2,
      boolean overlap) {
    NotificationRule a = rule("a", HOOK.arn(), prefix1, suffix1, events1);
    NotificationRule b = rule("b", BUS.arn(), prefix2, suffix2, events2);
    assertThat(NotificationRules.overlap(a, b)).isEqualTo(overlap);
    assertThat(NotificationRules.overlap(b, a)).isEqualTo(overlap);
    if (overlap) {
      CofferException e = refusal(a, b);
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).isEqualTo(NotificationRules.OVERLAP);
    } else {
      assertThat(validate(a, b).rules()).hasSize(2);
    }
  }

  @Test
  void overlappingRulesOfOneTargetAreRefusedToo() {
    assertThat(
            refusal(
                    rule("a", HOOK.arn(), "", "", "s3:ObjectCreated:*"),
                    rule("b", HOOK.arn(), "x/", "", "s3:ObjectCreated:Copy"))
                .getMessage())
        .isEqualTo(NotificationRules.OVERLAP);
  }

  @Test
  void everyDestinationThatCannotBeValidatedIsNamed() {
    String unknown = "arn:coffer:sqs::nobody:webhook";
    String wrongType = "arn:coffer:sqs::hook:nats";
    String notOurs = "arn:aws:sqs:us-east-1:123456789012:queue";
    CofferException e =
        refusal(
            rule("a", unknown, "a/", "", "s3:ObjectCreated:*"),
            rule("b", HOOK.arn(), "b/", "", "s3:ObjectCreated:*"),
            rule("c", wrongType, "c/", "", "s3:ObjectCreated:*"),
            rule("d", notOurs, "d/", "", "s3:ObjectCreated:*"));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).isEqualTo(NotificationRules.UNABLE_TO_VALIDATE);
    assertThat(e.fields())
        .containsEntry("ArgumentName1", unknown)
        .containsEntry("ArgumentName2", wrongType)
        .containsEntry("ArgumentName3", notOurs)
        .doesNotContainKey("ArgumentName4")
        .containsKeys("ArgumentValue1", "ArgumentValue2", "ArgumentValue3");
  }

  @Test
  void targetIdsComeFromCofferArnsOnly() {
    assertThat(NotificationRules.targetIdOf("arn:coffer:sqs::hook-1_a:webhook"))
        .contains("hook-1_a");
    assertThat(NotificationRules.targetIdOf("arn:coffer:sqs::hook:fax")).isEmpty();
    assertThat(NotificationRules.targetIdOf("arn:coffer:sqs:eu:hook:webhook")).isEmpty();
    assertThat(NotificationRules.targetIdOf("arn:coffer:sqs:::webhook")).isEmpty();
    assertThat(NotificationRules.targetIdOf("arn:coffer:sns::hook:webhook")).isEmpty();
    assertThat(NotificationRules.targetIdOf("hook")).isEmpty();
  }

  @Test
  void anEmptyConfigurationIsValid() {
    assertThat(validate().rules()).isEmpty();
  }
}
