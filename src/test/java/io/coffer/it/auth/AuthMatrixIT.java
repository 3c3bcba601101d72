package io.coffer.it.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.coffer.it.support.CofferTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The auth matrix: every way a request can be refused, on the S3 port and on the management API,
 * each with its exact status and error code, and after each one a snapshot of everything stored
 * (objects, uploads and their parts, buckets, credentials, presigned URLs, counters) must equal the
 * one taken before it. The cases live in one file per group.
 */
class AuthMatrixIT {
  @RegisterExtension static final CofferTestServer SERVER = new CofferTestServer();
  static MatrixFixture fixture;
  static int cases;
  static int passed;

  @BeforeAll
  static void arrange() {
    fixture = new MatrixFixture(SERVER);
  }

  @AfterAll
  static void report() {
    System.out.printf("auth matrix: %d cases, %d passed%n", cases, passed);
    fixture.alice.close();
    fixture.bob.close();
  }

  @TestFactory
  Stream<DynamicTest> everyRefusal() {
    List<AuthCase> all = new ArrayList<>();
    all.addAll(HeaderSignatureCases.all(fixture));
    all.addAll(SigV2Cases.all(fixture));
    all.addAll(StreamingCases.all(fixture));
    all.addAll(PresignedCases.all(fixture));
    all.addAll(CredentialCases.all(fixture));
    all.addAll(OwnershipCases.all(fixture));
    all.addAll(AccessControlCases.all(fixture));
    all.addAll(ManagementKeyCases.all(fixture));
    assertThat(all).extracting(AuthCase::name).doesNotHaveDuplicates();
    assertThat(all).hasSizeGreaterThanOrEqualTo(60);
    cases = all.size();
    return all.stream().map(c -> dynamicTest(c.name(), () -> run(c)));
  }

  private static void run(AuthCase c) throws Exception {
    String before = fixture.world.snapshot();
    Answer answer = c.attempt().send();
    assertThat(answer).as(c.name()).isEqualTo(c.expected());
    assertThat(fixture.world.snapshot()).as("what is stored after: " + c.name()).isEqualTo(before);
    passed++;
  }
}
