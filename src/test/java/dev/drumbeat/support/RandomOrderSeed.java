package dev.drumbeat.support;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the seed of JUnit's random test order when a run starts, so an order that fails can be replayed with
 * {@code mvn test -Djunit.seed=N}. JUnit itself logs the seed only at CONFIG level, which the build does not show.
 * Registered in {@code META-INF/services}; says nothing when the run is not in random order.
 */
public final class RandomOrderSeed implements TestExecutionListener {
    static final String SEED = "junit.jupiter.execution.order.random.seed";
    private static final String METHOD_ORDER = "junit.jupiter.testmethod.order.default";
    private static final String CLASS_ORDER = "junit.jupiter.testclass.order.default";

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        var parameters = testPlan.getConfigurationParameters();
        boolean random = parameters
                        .get(METHOD_ORDER)
                        .filter(orderer -> orderer.endsWith("$Random"))
                        .isPresent()
                || parameters
                        .get(CLASS_ORDER)
                        .filter(orderer -> orderer.endsWith("$Random"))
                        .isPresent();
        if (!random) {
            return;
        }
        System.out.println(parameters
                .get(SEED)
                .map(seed -> "JUnit random order seed: " + seed + " (replay this order with -Djunit.seed=" + seed + ")")
                .orElse("JUnit random order seed: none given, so JUnit picked one; set " + SEED + " to fix it"));
    }
}
