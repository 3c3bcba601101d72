package io.coffer.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        .layer("Cli").definedBy("io.coffer.cli..")
        .layer("Server").definedBy("io.coffer.server..")
        .layer("Http").definedBy("io.coffer.http..")
        .layer("S3").definedBy("io.coffer.s3..")
        .layer("Admin").definedBy("io.coffer.admin..")
        .layer("Service").definedBy("io.coffer.service..")
        .layer("Meta").definedBy("io.coffer.meta..")
        .layer("Blob").definedBy("io.coffer.blob..")
        .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("Server").mayOnlyBeAccessedByLayers("Cli")
        .whereLayer("S3").mayOnlyBeAccessedByLayers("Server", "Admin")
        .whereLayer("Admin").mayOnlyBeAccessedByLayers("Server")
        .whereLayer("Service").mayOnlyBeAccessedByLayers("S3", "Admin", "Server")
        .whereLayer("Meta").mayOnlyBeAccessedByLayers("Service", "Server")
        .whereLayer("Blob").mayOnlyBeAccessedByLayers("Service", "Server")
        .whereLayer("Http").mayOnlyBeAccessedByLayers("S3", "Admin", "Server")
        .check(classes);
  }

  @Test
  void nettyStaysInsideTheHttpPackage() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.coffer.http..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.netty..")
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
