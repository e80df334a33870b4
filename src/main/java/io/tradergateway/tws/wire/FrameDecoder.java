package io.tradergateway.tws.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Incremental decoder for the TWS API framing: every message is a 4-byte big-endian length followed by that
 * many payload bytes (the length does not count itself). Bytes are fed as they arrive from the socket; a
 * frame split across reads is reassembled and several frames in one read are all returned.
 *
 * <p>The declared length is checked before any buffer is grown, so a corrupt or hostile length can neither
 * exhaust memory nor make the decoder wait forever for bytes that will never come: it fails at once with a
 * {@link ProtocolException}. IB's own clients cap a message at 0xFFFFFF bytes (MAX_MSG_LEN in ibapi's
 * comm.py), which is the default here.
 */
public final class FrameDecoder {

    /** IB's clients refuse messages larger than this (ibapi comm.py / EClient MAX_MSG_LEN). */
    public static final int DEFAULT_MAX_FRAME = 0xFFFFFF;

    private final int maxFrame;
    private byte[] buffer = new byte[8192];
    private int start;
    private int end;

    public FrameDecoder() {
        this(DEFAULT_MAX_FRAME);
    }

    public FrameDecoder(int maxFrame) {
        if (maxFrame < 1) {
            throw new IllegalArgumentException("maxFrame must be positive");
        }
        this.maxFrame = maxFrame;
    }

    /** Appends bytes and returns the payloads of every frame now complete, in order (often none). */
    public List<byte[]> feed(byte[] data, int offset, int length) {
        append(data, offset, length);
        List<byte[]> frames = new ArrayList<>(2);
        byte[] frame;
        while ((frame = next()) != null) {
            frames.add(frame);
        }
        return frames;
    }

    /** The next complete payload already buffered, or null when more bytes are needed. */
    public byte[] next() {
        if (end - start < 4) {
            return null;
        }
        int declared = ((buffer[start] & 0xFF) << 24)
                | ((buffer[start + 1] & 0xFF) << 16)
                | ((buffer[start + 2] & 0xFF) << 8)
                | (buffer[start + 3] & 0xFF);
        if (declared <= 0 || declared > maxFrame) {
            throw new ProtocolException(
                    "invalid frame length " + Integer.toUnsignedString(declared) + " (allowed 1.." + maxFrame + ")");
        }
        if (end - start - 4 < declared) {
            return null;
        }
        byte[] payload = Arrays.copyOfRange(buffer, start + 4, start + 4 + declared);
        start += 4 + declared;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return payload;
    }

    /** Bytes received that do not yet form a complete frame. */
    public int pendingBytes() {
        return end - start;
    }

    /** Appends bytes without decoding; {@link #next()} then hands out complete frames one at a time. */
    public void append(byte[] data, int offset, int length) {
        if (buffer.length - end < length) {
            int live = end - start;
            if (live + length <= buffer.length) {
                System.arraycopy(buffer, start, buffer, 0, live);
            } else {
                byte[] grown = new byte[Math.max(buffer.length * 2, live + length)];
                System.arraycopy(buffer, start, grown, 0, live);
                buffer = grown;
            }
            start = 0;
            end = live;
        }
        System.arraycopy(data, offset, buffer, end, length);
        end += length;
    }
}
