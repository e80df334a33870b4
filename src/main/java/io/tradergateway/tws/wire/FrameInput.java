package io.tradergateway.tws.wire;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Blocking frame source over a socket's input stream: reads whatever bytes are available into a
 * {@link FrameDecoder} and hands out one payload at a time. Shared by the client's reader thread and the
 * simulator's sessions.
 */
public final class FrameInput {

    private final InputStream in;
    private final FrameDecoder decoder;
    private final byte[] chunk = new byte[64 * 1024];

    public FrameInput(InputStream in, int maxFrame) {
        this.in = in;
        this.decoder = new FrameDecoder(maxFrame);
    }

    /** The next payload; {@link EOFException} when the peer closed the stream, even mid-frame. */
    public byte[] next() throws IOException {
        byte[] frame;
        while ((frame = decoder.next()) == null) {
            int n = in.read(chunk);
            if (n < 0) {
                throw new EOFException(
                        decoder.pendingBytes() == 0
                                ? "peer closed the connection"
                                : "peer closed the connection in the middle of a message");
            }
            decoder.append(chunk, 0, n);
        }
        return frame;
    }
}
