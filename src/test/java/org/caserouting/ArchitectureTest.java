package org.caserouting;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The shape of the code: each capability package depends only on the ones below it, so a change
 * to one ripples one way; and the engine's internals are used in one place.
 *
 * <pre>
 *   tracking  casefile                            the applicant's and the staff's read sides
 *   intake  review  changes  supplementation  fieldstep  operations  deadlines  reports  deputies
 *   receipts                                      signed receipts, certifying the sign-off chain
 *   signoff  verification  mail  identity
 *   documents                                     the applicant's files: checked, scanned, kept
 *   cases                                         the case record
 *   catalog                                       agencies and application types
 *   platform (platform.engine: the one plug-in point into the engine)
 * </pre>
 */
@AnalyzeClasses(packages = "org.caserouting", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule dependenciesPointOneWay =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("platform").definedBy("org.caserouting.platform..")
          .layer("catalog").definedBy("org.caserouting.catalog..")
          .layer("cases").definedBy("org.caserouting.cases..")
          .layer("documents").definedBy("org.caserouting.documents..")
          .layer("identity").definedBy("org.caserouting.identity..")
          .layer("mail").definedBy("org.caserouting.mail..")
          .layer("receipts").definedBy("org.caserouting.receipts..")
          .layer("verification").definedBy("org.caserouting.verification..")
          .layer("signoff").definedBy("org.caserouting.signoff..")
          .layer("supplementation").definedBy("org.caserouting.supplementation..")
          .layer("review").definedBy("org.caserouting.review..")
          .layer("intake").definedBy("org.caserouting.intake..")
          .layer("changes").definedBy("org.caserouting.changes..")
          .layer("operations").definedBy("org.caserouting.operations..")
          .layer("deadlines").definedBy("org.caserouting.deadlines..")
          .layer("fieldstep").definedBy("org.caserouting.fieldstep..")
          .layer("reports").definedBy("org.caserouting.reports..")
          .layer("tracking").definedBy("org.caserouting.tracking..")
          .layer("casefile").definedBy("org.caserouting.casefile..")
          .layer("letters").definedBy("org.caserouting.letters..")
          .layer("deputies").definedBy("org.caserouting.deputies..")
          .layer("migration").definedBy("org.caserouting.migration..")
          .layer("meanstest").definedBy("org.caserouting.meanstest..")
          .layer("assistance").definedBy("org.caserouting.assistance..")
          .whereLayer("platform").mayNotAccessAnyLayer()
          .whereLayer("catalog").mayOnlyAccessLayers("platform")
          .whereLayer("cases").mayOnlyAccessLayers("platform", "catalog")
          .whereLayer("documents").mayOnlyAccessLayers("platform", "catalog")
          .whereLayer("identity").mayOnlyAccessLayers("platform", "catalog", "cases")
          .whereLayer("mail").mayOnlyAccessLayers("platform", "cases", "documents")
          .whereLayer("receipts").mayOnlyAccessLayers("platform", "catalog", "cases", "signoff")
          .whereLayer("verification").mayOnlyAccessLayers("platform", "catalog", "cases", "meanstest")
          .whereLayer("signoff").mayOnlyAccessLayers("platform", "catalog", "cases")
          .whereLayer("supplementation").mayOnlyAccessLayers("platform", "catalog", "cases", "mail", "documents")
          .whereLayer("review").mayOnlyAccessLayers("platform", "catalog", "cases", "mail", "signoff", "supplementation",
              "assistance")
          .whereLayer("letters").mayOnlyAccessLayers("platform", "catalog", "cases", "documents", "receipts", "assistance")
          .whereLayer("intake").mayOnlyAccessLayers(
              "platform", "catalog", "cases", "mail", "receipts", "verification", "documents", "letters")
          .whereLayer("changes").mayOnlyAccessLayers("platform", "catalog", "cases", "mail", "verification")
          .whereLayer("operations").mayOnlyAccessLayers("platform", "catalog", "cases", "identity", "mail")
          .whereLayer("deadlines").mayOnlyAccessLayers("platform", "catalog", "cases", "mail")
          .whereLayer("fieldstep").mayOnlyAccessLayers("platform", "catalog", "cases", "mail")
          .whereLayer("reports").mayOnlyAccessLayers("platform", "catalog", "cases")
          .whereLayer("deputies").mayOnlyAccessLayers("platform", "catalog", "cases", "identity")
          .whereLayer("migration").mayOnlyAccessLayers("platform", "cases", "mail")
          .whereLayer("meanstest").mayOnlyAccessLayers("platform")
          .whereLayer("assistance").mayOnlyAccessLayers("platform", "catalog", "cases", "verification", "meanstest",
              "signoff")
          .whereLayer("casefile").mayOnlyAccessLayers(
              "platform", "catalog", "cases", "documents", "signoff", "verification", "review", "fieldstep", "supplementation",
              "assistance", "meanstest")
          .whereLayer("tracking").mayOnlyAccessLayers(
              "platform", "catalog", "cases", "mail", "receipts", "supplementation", "verification", "changes",
              "documents", "letters", "assistance", "meanstest");

  @ArchTest
  static final ArchRule engineInternalsOnlyInPlatformEngine =
      noClasses()
          .that().resideOutsideOfPackage("org.caserouting.platform.engine..")
          .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
          .because("the engine's internals change between versions; platform.engine is the one place that plugs into them");
}
