package io.tradergateway.history;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes bars as text, so a response is streamed as it is fetched: JSON (an object with the request's description
 * and a "bars" array) or CSV (a header line, then one line per bar). Bars go out in pieces of at most
 * {@link #PIECE} bars, each encoded once, straight to UTF-8 bytes that the response writes as they are: what one
 * download holds in memory is a piece, however many bars a TWS answer carries.
 */
abstract sealed class BarFormat {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    /** Bars per piece: about 60 KB of JSON. */
    static final int PIECE = 512;

    /** Where the pieces go (the response). */
    @FunctionalInterface
    interface Sink {
        void write(byte[] piece) throws java.io.IOException;
    }

    abstract MediaType mediaType();

    abstract String head(Map<String, Object> description);

    abstract String bars(List<HistoryBar> bars);

    abstract String tail();

    /** The bars as pieces of at most {@link #PIECE} bars, each handed to the sink as UTF-8 bytes. */
    final void write(List<HistoryBar> bars, Sink sink) throws java.io.IOException {
        for (int from = 0; from < bars.size(); from += PIECE) {
            List<HistoryBar> piece = bars.subList(from, Math.min(bars.size(), from + PIECE));
            sink.write(bars(piece).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static BarFormat json(JsonMapper mapper) {
        return new Json(mapper);
    }

    static BarFormat csv() {
        return new Csv();
    }

    /** CSV when the client prefers text/csv, else JSON (also for an unreadable or absent Accept). */
    static BarFormat forAccept(String accept, JsonMapper mapper) {
        if (accept != null && !accept.isBlank()) {
            try {
                List<MediaType> types = MediaType.parseMediaTypes(accept);
                types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue)
                        .reversed());
                for (MediaType type : types) {
                    if (type.isCompatibleWith(CSV) && !type.isWildcardType()) {
                        return csv();
                    }
                    if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                        return json(mapper);
                    }
                }
            } catch (RuntimeException e) {
                // unreadable Accept: JSON, the default
            }
        }
        return json(mapper);
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).toPlainString();
    }

    static String number(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    static final class Json extends BarFormat {
        private final JsonMapper mapper;
        private boolean first = true;

        Json(JsonMapper mapper) {
            this.mapper = mapper;
        }

        @Override
        MediaType mediaType() {
            return MediaType.APPLICATION_JSON;
        }

        @Override
        String head(Map<String, Object> description) {
            String object = mapper.writeValueAsString(new LinkedHashMap<>(description));
            return object.substring(0, object.length() - 1) + (description.isEmpty() ? "" : ",") + "\"bars\":[";
        }

        @Override
        String bars(List<HistoryBar> bars) {
            StringBuilder out = new StringBuilder(bars.size() * 120);
            for (HistoryBar bar : bars) {
                out.append(first ? "" : ",");
                first = false;
                out.append("{\"time\":\"")
                        .append(bar.time())
                        .append("\",\"open\":")
                        .append(number(bar.open()));
                out.append(",\"high\":").append(number(bar.high()));
                out.append(",\"low\":").append(number(bar.low()));
                out.append(",\"close\":").append(number(bar.close()));
                if (bar.volume() != null) {
                    out.append(",\"volume\":").append(number(bar.volume()));
                }
                if (bar.wap() != null) {
                    out.append(",\"wap\":").append(number(bar.wap()));
                }
                out.append(",\"count\":").append(bar.count()).append('}');
            }
            return out.toString();
        }

        @Override
        String tail() {
            return "]}";
        }
    }

    static final class Csv extends BarFormat {
        @Override
        MediaType mediaType() {
            return CSV;
        }

        @Override
        String head(Map<String, Object> description) {
            return "time,open,high,low,close,volume,wap,count\n";
        }

        @Override
        String bars(List<HistoryBar> bars) {
            StringBuilder out = new StringBuilder(bars.size() * 80);
            for (HistoryBar bar : bars) {
                out.append(bar.time()).append(',').append(number(bar.open())).append(',');
                out.append(number(bar.high()))
                        .append(',')
                        .append(number(bar.low()))
                        .append(',');
                out.append(number(bar.close()))
                        .append(',')
                        .append(number(bar.volume()))
                        .append(',');
                out.append(number(bar.wap())).append(',').append(bar.count()).append('\n');
            }
            return out.toString();
        }

        @Override
        String tail() {
            return "";
        }
    }
}
