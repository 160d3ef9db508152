package dev.stockroom;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package boundaries, enforced by the build: public packages stand alone and never import
 * {@code internal} (but for the one place that wires the pieces, {@link Stockroom}); nothing
 * internal appears in a public signature; no package is in a cycle with another; the shared
 * validation package depends on nothing of Stockroom's.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.stockroom");
  }

  @Test
  void publicPackages_neverImportInternal_butTheEntryPoint() {
    noClasses().that().resideOutsideOfPackage("dev.stockroom.internal..")
        .and().doNotHaveFullyQualifiedName(Stockroom.class.getName())
        .and().doNotHaveFullyQualifiedName(Stockroom.Builder.class.getName())
        .should().dependOnClassesThat().resideInAPackage("dev.stockroom.internal..")
        .check(classes);
  }

  @Test
  void theEntryPoint_showsNothingInternal_inItsSignatures() {
    methods().that().arePublic().and().areDeclaredInClassesThat()
        .resideOutsideOfPackage("dev.stockroom.internal..")
        .should().haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.not(
            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(
                "dev.stockroom.internal..")))
        .check(classes);
  }

  @Test
  void validation_dependsOnNothingOfStockroom() {
    noClasses().that().resideInAPackage("dev.stockroom.validation")
        .should().dependOnClassesThat().resideInAnyPackage("dev.stockroom",
            "dev.stockroom.policy..", "dev.stockroom.lifecycle..", "dev.stockroom.transfer..",
            "dev.stockroom.links..", "dev.stockroom.crypto..", "dev.stockroom.exception..",
            "dev.stockroom.internal..")
        .check(classes);
  }

  @Test
  void noPackage_isInACycle() {
    slices().matching("dev.(**)").should().beFreeOfCycles().check(classes);
  }
}
