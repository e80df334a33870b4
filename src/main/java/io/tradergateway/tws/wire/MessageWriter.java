package io.tradergateway.tws.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one framed TWS API message: each field is written as UTF-8 text followed by a NUL byte, and
 * {@link #toFrame()} prefixes the 4-byte big-endian payload length (ibapi comm.py make_field / make_msg).
 *
 * <p>IB's clients send an unset optional number (Integer.MAX_VALUE, Double.MAX_VALUE) as an empty field;
 * {@link #addMax(int)} and {@link #addMax(double)} do the same.
 */
public final class MessageWriter {

    public static final int UNSET_INT = Integer.MAX_VALUE;
    public static final double UNSET_DOUBLE = Double.MAX_VALUE;

    private byte[] bytes = new byte[128];
    private int length = 4; // room for the length prefix

    public MessageWriter add(String value) {
        if (value != null) {
            if (value.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a field cannot contain NUL");
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            ensure(utf8.length + 1);
            System.arraycopy(utf8, 0, bytes, length, utf8.length);
            length += utf8.length;
        } else {
            ensure(1);
        }
        bytes[length++] = 0;
        return this;
    }

    public MessageWriter add(int value) {
        return add(Integer.toString(value));
    }

    public MessageWriter add(long value) {
        return add(Long.toString(value));
    }

    /** Booleans travel as 1 / 0. */
    public MessageWriter add(boolean value) {
        return add(value ? "1" : "0");
    }

    /** Doubles in plain notation (no exponent), as TWS prints prices. */
    public MessageWriter add(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        return add(BigDecimal.valueOf(value).toPlainString());
    }

    public MessageWriter add(BigDecimal value) {
        return add(value == null ? "" : value.toPlainString());
    }

    /** An optional int: empty when unset. */
    public MessageWriter addMax(int value) {
        return value == UNSET_INT ? add("") : add(value);
    }

    /** An optional double: empty when unset. */
    public MessageWriter addMax(double value) {
        return value == UNSET_DOUBLE ? add("") : add(value);
    }

    /** The complete frame: length prefix and payload. The writer can not be reused afterwards. */
    public byte[] toFrame() {
        int payload = length - 4;
        bytes[0] = (byte) (payload >>> 24);
        bytes[1] = (byte) (payload >>> 16);
        bytes[2] = (byte) (payload >>> 8);
        bytes[3] = (byte) payload;
        return Arrays.copyOf(bytes, length);
    }

    /** The payload alone (the fields, without the length prefix). */
    public byte[] payload() {
        return Arrays.copyOfRange(bytes, 4, length);
    }

    private void ensure(int extra) {
        if (length + extra > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + extra));
        }
    }
}
