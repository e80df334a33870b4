package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static byte[] frame(String... fields) {
        MessageWriter writer = new MessageWriter();
        for (String field : fields) {
            writer.add(field);
        }
        return writer.toFrame();
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8).replace('\0', '|');
    }

    @Test
    void frameIsBigEndianLengthExcludingItselfThenNulTerminatedFields() {
        // ibapi comm.py make_msg: struct.pack("!I", len(text)) + text; make_field appends "\0".
        assertThat(frame("9", "1", "1")).containsExactly(0, 0, 0, 6, '9', 0, '1', 0, '1', 0);
    }

    @Test
    void reassemblesAFrameDeliveredOneByteAtATime() {
        byte[] bytes = frame("15", "1", "DU1111111,DU2222222");
        FrameDecoder decoder = new FrameDecoder();
        List<byte[]> out = new ArrayList<>();
        for (byte b : bytes) {
            out.addAll(decoder.feed(new byte[] {b}, 0, 1));
        }
        assertThat(out).hasSize(1);
        assertThat(text(out.get(0))).isEqualTo("15|1|DU1111111,DU2222222|");
        assertThat(decoder.pendingBytes()).isZero();
    }

    @Test
    void returnsEveryFrameOfOneReadInOrderAndKeepsTheIncompleteTail() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(frame("9", "1", "1"));
        stream.writeBytes(frame("49", "1", "1700000000"));
        byte[] third = frame("4", "-1", "2104", "ok");
        stream.write(third, 0, 5);
        FrameDecoder decoder = new FrameDecoder();
        byte[] bytes = stream.toByteArray();

        List<byte[]> first = decoder.feed(bytes, 0, bytes.length);
        assertThat(first).extracting(FrameDecoderTest::text).containsExactly("9|1|1|", "49|1|1700000000|");
        assertThat(decoder.pendingBytes()).isEqualTo(5);

        List<byte[]> rest = decoder.feed(third, 5, third.length - 5);
        assertThat(rest).extracting(FrameDecoderTest::text).containsExactly("4|-1|2104|ok|");
    }

    @Test
    void negativeLengthIsAProtocolErrorNotAnAllocation() {
        FrameDecoder decoder = new FrameDecoder();
        byte[] bytes = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 'x'};
        assertThatThrownBy(() -> decoder.feed(bytes, 0, bytes.length))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("invalid frame length");
    }

    @Test
    void lengthAboveTheCapFailsAtOnceInsteadOfWaitingForBytesThatNeverCome() {
        FrameDecoder decoder = new FrameDecoder(1024);
        byte[] bytes = {0, 0, 0x04, 0x01}; // 1025
        assertThatThrownBy(() -> decoder.feed(bytes, 0, bytes.length))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("1025");
    }

    @Test
    void zeroLengthFrameIsRejected() {
        FrameDecoder decoder = new FrameDecoder();
        assertThatThrownBy(() -> decoder.feed(new byte[4], 0, 4)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void largeFramesGrowTheBufferAndArriveIntact() {
        String big = "x".repeat(100_000);
        byte[] bytes = frame("17", big);
        FrameDecoder decoder = new FrameDecoder();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += 4096) {
            out.addAll(decoder.feed(bytes, i, Math.min(4096, bytes.length - i)));
        }
        assertThat(out).hasSize(1);
        assertThat(out.get(0)).hasSize(100_000 + 4);
    }
}
