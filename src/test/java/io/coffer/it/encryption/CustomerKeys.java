package io.coffer.it.encryption;

import io.coffer.it.support.TestData;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** SSE-C keys for the tests: 32 bytes from a phrase, in base64, with their MD5 as AWS wants it. */
record CustomerKeys(String key, String md5) {
  static CustomerKeys of(String phrase) {
    byte[] bytes = Arrays.copyOf(phrase.getBytes(StandardCharsets.UTF_8), 32);
    return new CustomerKeys(TestData.base64(bytes), TestData.base64(TestData.digest("MD5", bytes)));
  }
}
