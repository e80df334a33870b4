package io.tradergateway.sim;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator alone, as a fake TWS for any TWS API client:
 * {@code java -jar trader-gateway.jar --gateway.simulator.standalone=true --gateway.simulator.port=7497}.
 * Options: {@code --gateway.simulator.port} (default 7497), {@code --gateway.simulator.seed} (default 42).
 */
public final class SimulatorMain {

    public static final String STANDALONE_FLAG = "--gateway.simulator.standalone=true";

    private SimulatorMain() {}

    public static boolean isStandalone(String[] args) {
        for (String arg : args) {
            if (arg.equalsIgnoreCase(STANDALONE_FLAG)) {
                return true;
            }
        }
        return false;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withPort(intOption(args, "--gateway.simulator.port=", 7497))
                .withSeed(intOption(args, "--gateway.simulator.seed=", 42));
        TwsSimulator simulator = new TwsSimulator(settings, Clock.systemUTC()).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "tws-sim-shutdown"));
        System.out.printf(
                "TWS simulator on %s:%d, accounts %s. Ctrl-C stops it.%n",
                simulator.host(), simulator.port(), settings.accounts());
        stopped.await();
    }

    private static int intOption(String[] args, String prefix, int fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                try {
                    return Integer.parseInt(arg.substring(prefix.length()).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(prefix + " needs a whole number, got " + arg);
                }
            }
        }
        return fallback;
    }
}
