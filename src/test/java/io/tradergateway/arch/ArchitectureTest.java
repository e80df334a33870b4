package io.tradergateway.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.regex.Pattern;

/**
 * The import direction of docs/architecture.md: features -> tws -> tws.wire; sim -> tws.wire only. The layers are
 * listed positively, and every class must be in one of them, so a new package is checked (or fails until it is
 * given its layer), never skipped.
 */
@AnalyzeClasses(
        packages = "io.tradergateway",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeSpringAotCode.class})
class ArchitectureTest {

    /**
     * The code Spring's AOT processing generates at build time (pom.xml process-aot: {@code *__BeanDefinitions},
     * {@code *__ApplicationContextInitializer}, its CGLIB proxies) wires every package, as the context does at run
     * time: written by the build, not a dependency of ours.
     */
    static final class DoNotIncludeSpringAotCode implements ImportOption {
        private static final Pattern GENERATED = Pattern.compile(".*/[^/]*(__|\\$\\$SpringCGLIB\\$\\$)[^/]*\\.class");

        @Override
        public boolean includes(Location location) {
            return !location.matches(GENERATED);
        }
    }

    private static final String WIRING = "io.tradergateway.config..";
    private static final String WEB = "io.tradergateway.web..";
    private static final String TWS = "io.tradergateway.tws";
    private static final String WIRE = "io.tradergateway.tws.wire..";
    private static final String SIM = "io.tradergateway.sim..";
    private static final String[] FEATURE_PACKAGES = {
        "io.tradergateway.account..",
        "io.tradergateway.contract..",
        "io.tradergateway.history..",
        "io.tradergateway.status..",
        "io.tradergateway.order..",
        "io.tradergateway.marketdata..",
        "io.tradergateway.stream.."
    };

    @ArchTest
    static final ArchRule layers = layeredArchitecture()
            .consideringAllDependencies()
            .layer("Application")
            .definedBy("io.tradergateway")
            .layer("Wiring")
            .definedBy(WIRING)
            .layer("Features")
            .definedBy(FEATURE_PACKAGES)
            .layer("Web")
            .definedBy(WEB)
            .layer("Tws")
            .definedBy(TWS)
            .layer("Wire")
            .definedBy(WIRE)
            .layer("Simulator")
            .definedBy(SIM)
            .whereLayer("Application")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Wiring")
            .mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Features")
            .mayOnlyBeAccessedByLayers("Features", "Wiring")
            .whereLayer("Web")
            .mayOnlyBeAccessedByLayers("Features", "Wiring", "Application")
            .whereLayer("Tws")
            .mayOnlyBeAccessedByLayers("Features", "Web", "Wiring")
            .whereLayer("Wire")
            .mayOnlyBeAccessedByLayers("Tws", "Features", "Simulator", "Wiring")
            .whereLayer("Simulator")
            .mayOnlyBeAccessedByLayers("Wiring", "Application");

    /** A class outside every listed layer fails here until docs/architecture.md and the layers above place it. */
    @ArchTest
    static final ArchRule everyClassHasALayer =
            classes().should().resideInAnyPackage(all()).because("a new package gets a layer before it gets code");

    private static String[] all() {
        java.util.List<String> packages = new java.util.ArrayList<>(java.util.List.of(FEATURE_PACKAGES));
        packages.addAll(java.util.List.of(WIRING, WEB, TWS, WIRE, SIM));
        packages.add("io.tradergateway");
        return packages.toArray(String[]::new);
    }

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

    /** The stream follows what the features publish (order's OrderEvents, marketdata's listeners); never back. */
    @ArchTest
    static final ArchRule noFeatureKnowsTheStream = noClasses()
            .that()
            .resideOutsideOfPackages("io.tradergateway.stream..", "io.tradergateway.config..", "io.tradergateway")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.tradergateway.stream..");

    @ArchTest
    static final ArchRule twsKnowsNoFeature = noClasses()
            .that()
            .resideInAPackage("io.tradergateway.tws..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES);
}
