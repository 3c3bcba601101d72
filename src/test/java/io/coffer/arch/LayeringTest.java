package io.coffer.arch;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps the arrows pointing down: front ends → service → stores, and Netty inside http. */
class LayeringTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.coffer");
  }

  @Test
  void layersOnlyDependDownwards() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("Cli")
        .definedBy("io.coffer.cli..")
        .layer("Server")
        .definedBy("io.coffer.server..")
        .layer("Http")
        .definedBy("io.coffer.http..")
        .layer("S3")
        .definedBy("io.coffer.s3..")
        .layer("Admin")
        .definedBy("io.coffer.admin..")
        .layer("Frontend")
        .definedBy("io.coffer.frontend..")
        .layer("Service")
        .definedBy("io.coffer.service..")
        .layer("Meta")
        .definedBy("io.coffer.meta..")
        .layer("Blob")
        .definedBy("io.coffer.blob..")
        .layer("Notify")
        .definedBy("io.coffer.notify..")
        .whereLayer("Cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Server")
        .mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("S3")
        .mayOnlyBeAccessedByLayers("Server")
        .whereLayer("Admin")
        .mayOnlyBeAccessedByLayers("Server")
        .whereLayer("Frontend")
        .mayOnlyBeAccessedByLayers("S3", "Admin")
        .whereLayer("Service")
        .mayOnlyBeAccessedByLayers("S3", "Admin", "Frontend", "Server")
        .whereLayer("Meta")
        .mayOnlyBeAccessedByLayers("Service", "Server")
        .whereLayer("Blob")
        .mayOnlyBeAccessedByLayers("Service", "Server")
        .whereLayer("Notify")
        .mayOnlyBeAccessedByLayers("Service", "Server")
        .whereLayer("Http")
        .mayOnlyBeAccessedByLayers("S3", "Admin", "Frontend", "Server")
        .check(classes);
  }

  @Test
  void noCyclesBetweenPackages() {
    slices().matching("io.coffer.(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theFrontEndsAreSiblings() {
    // What both need lives below them (io.coffer.frontend, io.coffer.http).
    noClasses()
        .that()
        .resideInAPackage("io.coffer.s3..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.coffer.admin..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.coffer.admin..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.coffer.s3..")
        .check(classes);
  }

  /**
   * The model's records, the checksum algorithms, the configuration and the policy language depend
   * on nothing else of Coffer's (not even the model): every layer may use them, so they must not
   * pull a layer in.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "io.coffer.model..",
        "io.coffer.checksum..",
        "io.coffer.config..",
        "io.coffer.policy..",
        "io.coffer.concurrent.."
      })
  void leavesDependOnNothingOfCoffers(String leaf) {
    noClasses()
        .that()
        .resideInAPackage(leaf)
        .should()
        .dependOnClassesThat(resideInAPackage("io.coffer..").and(resideOutsideOfPackage(leaf)))
        .check(classes);
  }

  @Test
  void onlyTheStoresAndTheirWiringKnowTheImplementations() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.coffer.meta..", "io.coffer.blob..", "io.coffer.server..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.coffer.meta.sqlite..", "io.coffer.meta.postgres..", "io.coffer.blob.fs..")
        .check(classes);
  }

  @Test
  void nettyStaysInsideTheHttpPackage() {
    // The load generator (bench) is a Netty HTTP client of its own: java.net.http costs more CPU
    // per request than a small request costs the server, and on two cores the client must not be
    // the bottleneck. It is a separate program in the same jar, not part of the server.
    noClasses()
        .that()
        .resideOutsideOfPackages("io.coffer.http..", "io.coffer.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.netty..")
        .check(classes);
  }

  @Test
  void theLoadGeneratorIsOnlyAClient() {
    // Only the CLI starts it. It talks to servers over HTTP and signs with the project's signer; it
    // never reaches into
    // the server's internals, so what it measures is what any client would see.
    noClasses()
        .that()
        .resideInAPackage("io.coffer.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.coffer.http..",
            "io.coffer.server..",
            "io.coffer.service..",
            "io.coffer.meta..",
            "io.coffer.blob..",
            "io.coffer.admin..",
            "io.coffer.s3.handler..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages("io.coffer.bench..", "io.coffer.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.coffer.bench..")
        .check(classes);
  }

  @Test
  void theServiceLayerKnowsNoProtocol() {
    noClasses()
        .that()
        .resideInAPackage("io.coffer.service..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.coffer.http..", "io.coffer.s3..", "io.coffer.admin..", "java.sql..")
        .check(classes);
  }
}
