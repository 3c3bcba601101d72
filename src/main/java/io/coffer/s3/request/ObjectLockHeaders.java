package io.coffer.s3.request;

import io.coffer.http.Headers;
import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import io.coffer.model.LegalHold;
import io.coffer.model.ObjectLock;
import io.coffer.model.RetentionMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The object lock a write asks for: {@code x-amz-object-lock-mode}, {@code
 * x-amz-object-lock-retain-until-date} (both or neither) and {@code x-amz-object-lock-legal-hold}.
 * Whether the bucket allows a lock at all is the service's question.
 */
final class ObjectLockHeaders {
  static final String MODE = "x-amz-object-lock-mode";
  static final String RETAIN_UNTIL = "x-amz-object-lock-retain-until-date";
  static final String LEGAL_HOLD = "x-amz-object-lock-legal-hold";
  static final List<String> ALL = List.of(MODE, RETAIN_UNTIL, LEGAL_HOLD);

  private ObjectLockHeaders() {}

  /** Whether the request sends any of the lock headers. */
  static boolean present(Headers headers) {
    return ALL.stream().anyMatch(name -> headers.get(name) != null);
  }

  static ObjectLock parse(Headers headers) {
    String mode = headers.get(MODE);
    String until = headers.get(RETAIN_UNTIL);
    String hold = headers.get(LEGAL_HOLD);
    if ((mode == null) != (until == null)) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied");
    }
    return new ObjectLock(
        mode == null ? null : mode(mode.trim()),
        until == null ? null : retainUntil(until.trim()),
        hold == null ? null : legalHold(hold.trim()));
  }

  private static RetentionMode mode(String value) {
    return switch (value) {
      case "GOVERNANCE" -> RetentionMode.GOVERNANCE;
      case "COMPLIANCE" -> RetentionMode.COMPLIANCE;
      default -> throw CofferException.invalidArgument("Unknown wormMode directive.", MODE, value);
    };
  }

  private static Instant retainUntil(String value) {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw CofferException.invalidArgument(
          "The retain until date must be provided in ISO 8601 format", RETAIN_UNTIL, value);
    }
  }

  private static LegalHold legalHold(String value) {
    return switch (value) {
      case "ON" -> LegalHold.ON;
      case "OFF" -> LegalHold.OFF;
      default ->
          throw CofferException.invalidArgument(
              "Legal Hold must be either of 'ON' or 'OFF'", LEGAL_HOLD, value);
    };
  }
}
