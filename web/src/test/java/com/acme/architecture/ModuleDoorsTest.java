package com.acme.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure the modules promise (DESIGN.md, "Modules and their rooms"): each module's {@code
 * api} package is its only door, dependencies go web -> billing -> flags, and the EJB modules know
 * nothing of HTTP. Runs with the unit tests; the web module sees all three modules' classes.
 */
@AnalyzeClasses(packages = "com.acme", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleDoorsTest {

  @ArchTest
  static final ArchRule webSeesOnlyTheModulesApis =
      noClasses()
          .that()
          .resideInAPackage("com.acme.web..")
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "are in billing or flags outside their api package",
                  c ->
                      (c.getPackageName().startsWith("com.acme.billing")
                              && !c.getPackageName().startsWith("com.acme.billing.api"))
                          || (c.getPackageName().startsWith("com.acme.flags")
                              && !c.getPackageName().startsWith("com.acme.flags.api"))));

  @ArchTest
  static final ArchRule billingSeesOnlyTheFlagsApi =
      noClasses()
          .that()
          .resideInAPackage("com.acme.billing..")
          .should()
          .dependOnClassesThat(
              com.tngtech.archunit.base.DescribedPredicate.describe(
                  "are in flags outside its api package",
                  c ->
                      c.getPackageName().startsWith("com.acme.flags")
                          && !c.getPackageName().startsWith("com.acme.flags.api")));

  @ArchTest
  static final ArchRule flagsKnowsNothingOfBillingOrWeb =
      noClasses()
          .that()
          .resideInAPackage("com.acme.flags..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.acme.billing..", "com.acme.web..");

  @ArchTest
  static final ArchRule billingKnowsNothingOfWeb =
      noClasses()
          .that()
          .resideInAPackage("com.acme.billing..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.acme.web..");

  /** The EAR's library serves every module alike and knows none of them. */
  @ArchTest
  static final ArchRule thePlatformLibraryKnowsNoModule =
      noClasses()
          .that()
          .resideInAPackage("com.acme.platform..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.acme.billing..", "com.acme.flags..", "com.acme.web..");

  @ArchTest
  static final ArchRule theEjbModulesKnowNothingOfHttp =
      noClasses()
          .that()
          .resideInAnyPackage("com.acme.billing..", "com.acme.flags..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.ws.rs..", "jakarta.servlet..");

  /**
   * A bean behind a module's interface offers that interface only: a no-interface view beside it
   * would let another module's code reach the implementation class.
   */
  @ArchTest
  static final ArchRule noBeanOffersANoInterfaceViewBesideItsInterface =
      noClasses().should().beAnnotatedWith("jakarta.ejb.LocalBean");

  @ArchTest
  static final ArchRule flagsPackagesHaveNoCycles =
      slices().matching("com.acme.flags.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule webPackagesHaveNoCycles =
      slices().matching("com.acme.web.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule billingPackagesHaveNoCycles =
      slices().matching("com.acme.billing.(*)..").should().beFreeOfCycles();
}
