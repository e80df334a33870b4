package io.tradergateway.tws.wire;

import java.util.Arrays;
import java.util.List;

/**
 * managedAccounts (id 15, version 1): one field, the account codes joined by commas; TWS often adds a
 * trailing comma (ibapi decoder.py, MANAGED_ACCTS).
 */
public record ManagedAccounts(List<String> accounts) implements ServerMessage {

    public static final int ID = 15;
    private static final int VERSION = 1;

    public ManagedAccounts {
        accounts = List.copyOf(accounts);
    }

    @Override
    public void writeTo(MessageWriter writer, int serverVersion) {
        writer.add(ID).add(VERSION).add(String.join(",", accounts));
    }

    static ManagedAccounts read(FieldReader fields, int serverVersion) {
        fields.skip(); // version
        List<String> accounts = Arrays.stream(fields.readString().split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        return new ManagedAccounts(accounts);
    }
}
