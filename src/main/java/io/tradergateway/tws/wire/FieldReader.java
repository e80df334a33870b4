package io.tradergateway.tws.wire;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the NUL-terminated fields of one message payload in order. Numbers are parsed straight from the
 * bytes, without an intermediate String, because historical-bar messages carry hundreds of thousands of
 * numeric fields.
 *
 * <p>Like IB's decoders, an empty numeric field reads as 0 ({@link #readInt()}) or as "unset"
 * ({@link #readIntMax()} / {@link #readDoubleMax()}). A payload that does not end in NUL, a missing field or
 * a malformed number is a {@link ProtocolException}.
 */
public final class FieldReader {

    private final byte[] payload;
    private int pos;
    private int fieldIndex;

    public FieldReader(byte[] payload) {
        if (payload.length == 0 || payload[payload.length - 1] != 0) {
            throw new ProtocolException("message payload does not end with a NUL field terminator");
        }
        this.payload = payload;
    }

    public boolean hasMore() {
        return pos < payload.length;
    }

    /** Index of the next field (0 = message id). */
    public int position() {
        return fieldIndex;
    }

    public String readString() {
        int nul = terminator();
        String value = new String(payload, pos, nul - pos, StandardCharsets.UTF_8);
        advance(nul);
        return value;
    }

    public void skip() {
        advance(terminator());
    }

    /** An int; an empty field is 0. */
    public int readInt() {
        long value = readLongOr(0);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw malformed("int out of range");
        }
        return (int) value;
    }

    /** An optional int; an empty field is {@link MessageWriter#UNSET_INT}. */
    public int readIntMax() {
        long value = readLongOr(MessageWriter.UNSET_INT);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw malformed("int out of range");
        }
        return (int) value;
    }

    /** A long; an empty field is 0. */
    public long readLong() {
        return readLongOr(0);
    }

    /** Booleans travel as integers; anything but 0 is true (ibapi decode(bool, ...)). */
    public boolean readBool() {
        return readLongOr(0) != 0;
    }

    /** A double; an empty field is 0. */
    public double readDouble() {
        return readDoubleOr(0);
    }

    /** An optional double; an empty field is {@link MessageWriter#UNSET_DOUBLE}. */
    public double readDoubleMax() {
        return readDoubleOr(MessageWriter.UNSET_DOUBLE);
    }

    /**
     * A decimal (IB's Decimal type: sizes, volumes); empty or one of IB's "unset" markers is null. The markers are
     * those of ibapi 10.41 utils.py decode(Decimal): 2147483647, 9223372036854775807, 1.7976931348623157E308 and
     * -9223372036854775808.
     */
    public BigDecimal readDecimal() {
        int nul = terminator();
        BigDecimal fast = parseSimpleBigDecimal(pos, nul);
        if (fast != null) {
            advance(nul);
            return fast.scale() == 0 && fast.longValue() == Integer.MAX_VALUE ? null : fast;
        }
        String text = readString();
        if (text.isEmpty()
                || text.equals("1.7976931348623157E308")
                || text.equals("9223372036854775807")
                || text.equals("-9223372036854775808")) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw malformedAt(fieldIndex - 1, "not a decimal: '" + abbreviate(text) + "'");
        }
    }

    /**
     * Fast path for the common "-123.45" shape with at most 18 digits: unscaled long + scale, no String. Returns
     * null for anything else (empty, exponents, IB's unset markers, longer numbers), which the slow path handles.
     */
    private BigDecimal parseSimpleBigDecimal(int from, int to) {
        if (from == to || to - from > 18) { // 18 characters cannot overflow a long
            return null;
        }
        int i = from;
        boolean negative = payload[i] == '-';
        if (negative) {
            i++;
        }
        long unscaled = 0;
        int scale = -1;
        boolean seenDigit = false;
        for (; i < to; i++) {
            byte b = payload[i];
            if (b == '.' && scale < 0) {
                scale = 0;
                continue;
            }
            int digit = b - '0';
            if (digit < 0 || digit > 9) {
                return null;
            }
            seenDigit = true;
            unscaled = unscaled * 10 + digit;
            if (scale >= 0) {
                scale++;
            }
        }
        if (!seenDigit) {
            return null;
        }
        return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
    }

    /** The remaining fields as strings (for logging unknown messages). */
    public List<String> remaining() {
        List<String> rest = new ArrayList<>();
        while (hasMore()) {
            rest.add(readString());
        }
        return rest;
    }

    private long readLongOr(long empty) {
        int nul = terminator();
        if (nul == pos) {
            advance(nul);
            return empty;
        }
        int i = pos;
        boolean negative = payload[i] == '-';
        if (negative || payload[i] == '+') {
            i++;
        }
        if (i == nul || nul - i > 19) {
            return parseLongSlow(nul);
        }
        long value = 0;
        for (; i < nul; i++) {
            int digit = payload[i] - '0';
            if (digit < 0 || digit > 9) {
                return parseLongSlow(nul);
            }
            value = value * 10 + digit;
            if (value < 0) {
                return parseLongSlow(nul);
            }
        }
        advance(nul);
        return negative ? -value : value;
    }

    private long parseLongSlow(int nul) {
        String text = new String(payload, pos, nul - pos, StandardCharsets.UTF_8);
        advance(nul);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw malformedAt(fieldIndex - 1, "not an integer: '" + abbreviate(text) + "'");
        }
    }

    private double readDoubleOr(double empty) {
        int nul = terminator();
        if (nul == pos) {
            advance(nul);
            return empty;
        }
        double fast = parseSimpleDecimal(pos, nul);
        if (!Double.isNaN(fast)) {
            advance(nul);
            return fast;
        }
        String text = new String(payload, pos, nul - pos, StandardCharsets.UTF_8);
        advance(nul);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw malformedAt(fieldIndex - 1, "not a number: '" + abbreviate(text) + "'");
        }
    }

    private static final double[] POW10 = {
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    /**
     * Exact fast path for the common "-123.4567" shape: at most 15 significant digits and 15 decimals, so
     * the integer mantissa and the power of ten are both exact doubles and one division rounds correctly.
     * Anything else (exponents, Infinity, longer numbers) returns NaN and takes Double.parseDouble.
     */
    private double parseSimpleDecimal(int from, int to) {
        int i = from;
        boolean negative = payload[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        boolean seenDigit = false;
        int decimals = -1;
        for (; i < to; i++) {
            byte b = payload[i];
            if (b == '.' && decimals < 0) {
                decimals = 0;
                continue;
            }
            int digit = b - '0';
            if (digit < 0 || digit > 9) {
                return Double.NaN;
            }
            seenDigit = true;
            mantissa = mantissa * 10 + digit;
            if (mantissa != 0 && ++digits > 15) {
                return Double.NaN;
            }
            if (decimals >= 0) {
                decimals++;
            }
        }
        if (!seenDigit || decimals > 15) {
            return Double.NaN;
        }
        double value = decimals <= 0 ? mantissa : mantissa / POW10[decimals];
        return negative ? -value : value;
    }

    private int terminator() {
        if (pos >= payload.length) {
            throw new ProtocolException("message ended before field " + fieldIndex);
        }
        int i = pos;
        while (payload[i] != 0) {
            i++;
        }
        return i;
    }

    private void advance(int nul) {
        pos = nul + 1;
        fieldIndex++;
    }

    private ProtocolException malformed(String what) {
        return malformedAt(fieldIndex - 1, what);
    }

    private static ProtocolException malformedAt(int index, String what) {
        return new ProtocolException("field " + index + ": " + what);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
