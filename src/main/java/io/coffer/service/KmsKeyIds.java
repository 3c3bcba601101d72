package io.coffer.service;

import io.coffer.model.CofferException;
import io.coffer.model.ErrorCode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spellings of a KMS key ID. Clients name a key of the built-in key store by its name or by an
 * ARN, {@code arn:aws:kms:<region>:<account>:key/<name>}; Coffer keeps and compares the name.
 */
public final class KmsKeyIds {
  private static final Pattern ARN = Pattern.compile("arn:aws:kms:[^:]*:[^:]*:key/(.+)");

  private KmsKeyIds() {}

  /**
   * The key's name: {@code idOrArn} itself, or the name an ARN ends with.
   *
   * @throws CofferException INVALID_ARGUMENT for an empty ID or an ARN that names no key
   */
  public static String name(String idOrArn) {
    if (idOrArn.isBlank()) {
      throw new CofferException(ErrorCode.INVALID_ARGUMENT, "The KMS key ID must not be empty.");
    }
    if (!idOrArn.startsWith("arn:")) {
      return idOrArn;
    }
    Matcher arn = ARN.matcher(idOrArn);
    if (!arn.matches()) {
      throw new CofferException(
          ErrorCode.INVALID_ARGUMENT,
          "A KMS key ARN has the form arn:aws:kms:<region>:<account>:key/<key id>.");
    }
    return arn.group(1);
  }

  /** The ARN S3 answers for a key: {@code arn:aws:kms:<region>:<account>:key/<name>}. */
  public static String arn(String region, String account, String name) {
    return "arn:aws:kms:" + region + ":" + account + ":key/" + name;
  }
}
