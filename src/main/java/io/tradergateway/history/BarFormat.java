package io.tradergateway.history;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes bars as text, one piece per chunk, so a response is streamed as it is fetched: JSON (an object with the
 * request's description and a "bars" array) or CSV (a header line, then one line per bar).
 */
abstract sealed class BarFormat {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    abstract MediaType mediaType();

    abstract String head(Map<String, Object> description);

    abstract String bars(List<HistoryBar> bars);

    abstract String tail();

    static BarFormat json(JsonMapper mapper) {
        return new Json(mapper);
    }

    static BarFormat csv() {
        return new Csv();
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
