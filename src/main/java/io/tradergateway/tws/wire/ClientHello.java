package io.tradergateway.tws.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first bytes of a v100+ connection: the raw prefix {@code API\0}, then one frame whose payload is the
 * text {@code v<min>..<max>}, optionally followed by a space and connect options (e.g. {@code +PACEAPI}).
 * Unlike every later message this payload is plain text without a NUL terminator (ibapi client.py connect:
 * {@code b"API\0" + make_msg("v%d..%d" ...)}).
 */
public record ClientHello(int minVersion, int maxVersion, String connectOptions) {

    public static final byte[] PREFIX = {'A', 'P', 'I', 0};
    private static final Pattern RANGE = Pattern.compile("v(\\d{1,5})\\.\\.(\\d{1,5})(?: (.*))?", Pattern.DOTALL);

    public ClientHello {
        if (minVersion < 1 || maxVersion < minVersion) {
            throw new IllegalArgumentException("bad version range " + minVersion + ".." + maxVersion);
        }
        connectOptions = connectOptions == null ? "" : connectOptions;
    }

    /** The exact bytes a client sends first: prefix, length, version text. */
    public byte[] toBytes() {
        String text = "v" + minVersion + ".." + maxVersion + (connectOptions.isEmpty() ? "" : " " + connectOptions);
        byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(PREFIX.length + 4 + payload.length);
        out.writeBytes(PREFIX);
        out.write(payload.length >>> 24);
        out.write(payload.length >>> 16);
        out.write(payload.length >>> 8);
        out.write(payload.length);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Parses the payload of the frame that follows {@link #PREFIX}. */
    public static ClientHello parse(byte[] payload) {
        String text = new String(payload, StandardCharsets.US_ASCII);
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new ProtocolException("expected a version range 'v<min>..<max>', got '"
                    + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
        int min = Integer.parseInt(m.group(1));
        int max = Integer.parseInt(m.group(2));
        if (min < 1 || max < min) {
            throw new ProtocolException("empty version range " + text);
        }
        return new ClientHello(min, max, m.group(3));
    }
}
