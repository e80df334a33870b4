package io.tradergateway.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The import direction of docs/architecture.md: features -> tws -> tws.wire; sim -> tws.wire only. */
@AnalyzeClasses(packages = "io.tradergateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] FEATURES = {
        "io.tradergateway.account..",
        "io.tradergateway.contract..",
        "io.tradergateway.history..",
        "io.tradergateway.status..",
        "io.tradergateway.web.."
    };

    @ArchTest
    static final ArchRule wireIsPlainJava = noClasses()
            .that()
            .resideInAPackage("io.tradergateway.tws.wire..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tradergateway.sim..", "io.tradergateway.config..")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("io.tradergateway.tws");

    @ArchTest
    static final ArchRule simulatorDependsOnlyOnTheWire = noClasses()
            .that()
            .resideInAPackage("io.tradergateway.sim..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.servlet..")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("io.tradergateway.tws")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("io.tradergateway.config..");

    @ArchTest
    static final ArchRule onlyTheWiringKnowsTheSimulator = noClasses()
            .that()
            .resideOutsideOfPackages("io.tradergateway.sim..", "io.tradergateway.config..")
            .and()
            .doNotHaveFullyQualifiedName("io.tradergateway.GatewayApplication")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tradergateway.sim..");

    @ArchTest
    static final ArchRule twsKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("io.tradergateway.tws..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES);
}
