package io.tradergateway.tws.wire;

/**
 * TWS sends non-ASCII text as {@code \}{@code uXXXX} escapes (from server version 153, ENCODE_MSG_ASCII7, so in
 * every version we speak) in error messages, the advanced-order-reject JSON and a contract's longName; IB's
 * clients turn them back into characters (ibapi 10.41 decoder.py processErrorMsg and processContractDataMsg
 * decode those fields with Python's "unicode-escape"). Only {@code \}{@code uXXXX} is undone here: anything else
 * after a backslash stays as it is.
 */
final class UnicodeEscapes {

    private UnicodeEscapes() {}

    /** Turns every {@code \}{@code uXXXX} (four hex digits) into its character. */
    static String decode(String text) {
        int at = text.indexOf("\\u");
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (at >= 0) {
            if (at + 6 <= text.length() && isHex(text, at + 2, at + 6)) {
                out.append(text, from, at).append((char) Integer.parseInt(text.substring(at + 2, at + 6), 16));
                from = at + 6;
            } else {
                out.append(text, from, at + 2);
                from = at + 2;
            }
            at = text.indexOf("\\u", from);
        }
        return out.append(text, from, text.length()).toString();
    }

    /** What TWS sends for a text: every character outside printable ASCII as {@code \}{@code uXXXX}. */
    static String encode(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(String.format("\\u%04x", (int) c));
        }
        return out == null ? text : out.toString();
    }

    private static boolean isHex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
