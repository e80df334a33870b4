package io.tradergateway.bench;

import io.tradergateway.tws.wire.FrameDecoder;
import io.tradergateway.tws.wire.HistoricalData;
import io.tradergateway.tws.wire.ServerMessage;
import io.tradergateway.tws.wire.ServerMessages;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 4: decoding a captured-shape stream of historical bars with the project's codec, from raw socket
 * bytes (framing, field splitting, number parsing) to {@link HistoricalData} records. The stream is what TWS
 * sends for 1-minute bars at server version 200: messages of 2,000 bars each (one per chunked request), fed
 * to the decoder in 64 KiB reads as the reader thread does. Run by bench/run.sh (throughput in bars/s, and
 * with -prof gc the allocation per bar).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProtocolDecodeBenchmark {

    static final int SERVER_VERSION = 200;
    static final int BARS_PER_MESSAGE = 2_000;

    static final int BARS = 100_000;

    private byte[] stream;

    @Setup
    public void capture() {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long time = 1_764_000_000L;
        double price = 190.0;
        int reqId = 1;
        for (int done = 0; done < BARS; done += BARS_PER_MESSAGE) {
            List<HistoricalData.Bar> chunk = new ArrayList<>();
            for (int i = 0; i < Math.min(BARS_PER_MESSAGE, BARS - done); i++) {
                // prices in whole cents, as TWS prints them ("190.17", not "190.17000000000002")
                double open = cents(price);
                price = cents(Math.max(1, price + (random.nextInt(41) - 20) / 100.0));
                double high = cents(Math.max(open, price) + random.nextInt(10) / 100.0);
                double low = cents(Math.min(open, price) - random.nextInt(10) / 100.0);
                chunk.add(new HistoricalData.Bar(
                        Long.toString(time),
                        open,
                        high,
                        low,
                        price,
                        BigDecimal.valueOf(100 + random.nextInt(5000)),
                        BigDecimal.valueOf(Math.round(price * 1000) / 1000.0),
                        1 + random.nextInt(90)));
                time += 60;
            }
            out.writeBytes(new HistoricalData(reqId++, "", "", chunk).toFrame(SERVER_VERSION));
        }
        stream = out.toByteArray();
    }

    private static double cents(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Returns the bar count so the JIT cannot drop the work. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public int decodeStream() {
        FrameDecoder decoder = new FrameDecoder();
        int decoded = 0;
        for (int offset = 0; offset < stream.length; offset += 65_536) {
            decoder.append(stream, offset, Math.min(65_536, stream.length - offset));
            byte[] payload;
            while ((payload = decoder.next()) != null) {
                ServerMessage message = ServerMessages.CODEC.decode(payload, SERVER_VERSION);
                decoded += ((HistoricalData) message).bars().size();
            }
        }
        return decoded;
    }
}
