package io.coffer.it.auth;

/**
 * One refused request of the auth matrix: its name, the exact status and error code it must get,
 * and how it is sent. Every case is a refusal, so after each one nothing stored may have changed.
 */
record AuthCase(String name, int status, String code, Attempt attempt) {

  interface Attempt {
    Answer send() throws Exception;
  }

  static AuthCase of(String name, int status, String code, Attempt attempt) {
    return new AuthCase(name, status, code, attempt);
  }

  Answer expected() {
    return new Answer(status, code);
  }
}
