package io.tradergateway.sim;

import io.tradergateway.tws.wire.ServerVersions;
import java.net.InetAddress;
import java.util.List;

/**
 * How the simulator runs. {@code port} 0 picks a free port. The simulator serves the server versions
 * {@code minServerVersion..maxServerVersion} and negotiates with each client, as TWS does, the highest
 * version both sides know.
 */
public record SimulatorSettings(
        InetAddress bindAddress,
        int port,
        int minServerVersion,
        int maxServerVersion,
        long seed,
        List<String> accounts) {

    public static final List<String> DEFAULT_ACCOUNTS = List.of("DU1111111", "DU2222222");

    public SimulatorSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (minServerVersion < 100
                || maxServerVersion < minServerVersion
                || maxServerVersion >= ServerVersions.PROTOBUF) {
            throw new IllegalArgumentException(
                    "server versions must be a range within 100.." + (ServerVersions.PROTOBUF - 1));
        }
        if (accounts == null || accounts.isEmpty()) {
            throw new IllegalArgumentException("the simulator needs at least one account");
        }
        accounts = List.copyOf(accounts);
    }

    /** Loopback, any free port, every version this project speaks, the two default paper accounts. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(
                InetAddress.getLoopbackAddress(),
                0,
                ServerVersions.MIN_SUPPORTED,
                ServerVersions.MAX_SUPPORTED,
                42L,
                DEFAULT_ACCOUNTS);
    }

    public SimulatorSettings withPort(int newPort) {
        return new SimulatorSettings(bindAddress, newPort, minServerVersion, maxServerVersion, seed, accounts);
    }

    public SimulatorSettings withSeed(long newSeed) {
        return new SimulatorSettings(bindAddress, port, minServerVersion, maxServerVersion, newSeed, accounts);
    }

    public SimulatorSettings withServerVersions(int min, int max) {
        return new SimulatorSettings(bindAddress, port, min, max, seed, accounts);
    }
}
