package io.tradergateway.tws.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FieldReaderTest {

    private static FieldReader reader(String fieldsWithPipes) {
        return new FieldReader(fieldsWithPipes.replace('|', '\0').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void payloadWithoutTrailingNulIsAProtocolError() {
        assertThatThrownBy(() -> new FieldReader("9\u00001".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("NUL");
    }

    @Test
    void readsPastTheLastFieldIsAProtocolErrorNamingTheField() {
        FieldReader fields = reader("9|1|");
        fields.readInt();
        fields.readInt();
        assertThatThrownBy(fields::readInt)
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("field 2");
    }

    @Test
    void emptyNumericFieldsReadAsZeroOrUnsetLikeIbDecoders() {
        FieldReader fields = reader("||||");
        assertThat(fields.readInt()).isZero();
        assertThat(fields.readIntMax()).isEqualTo(Integer.MAX_VALUE);
        assertThat(fields.readDouble()).isZero();
        assertThat(fields.readDoubleMax()).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void parsesSignedIntegersLongsAndBooleans() {
        FieldReader fields = reader("-1|2147483647|-9223372036854775808|1|0|");
        assertThat(fields.readInt()).isEqualTo(-1);
        assertThat(fields.readInt()).isEqualTo(Integer.MAX_VALUE);
        assertThat(fields.readLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(fields.readBool()).isTrue();
        assertThat(fields.readBool()).isFalse();
    }

    @Test
    void intOutOfRangeAndGarbageAreProtocolErrors() {
        assertThatThrownBy(() -> reader("2147483648|").readInt()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader("12a|").readInt())
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("12a");
        assertThatThrownBy(() -> reader("1.2.3|").readDouble()).isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> reader(".|").readDouble()).isInstanceOf(ProtocolException.class);
    }

    @Test
    void fastDoublePathAgreesWithDoubleParseDoubleBitForBit() {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        String[] samples = new String[20_000];
        for (int i = 0; i < samples.length; i++) {
            double value = switch (i % 4) {
                case 0 -> Math.round(random.nextDouble() * 1_000_000) / 100.0;
                case 1 -> -random.nextDouble() * 1e6;
                case 2 -> random.nextInt(100_000);
                default -> random.nextDouble() / 1e3;
            };
            samples[i] = i % 4 == 1 ? String.format("%.6f", value) : Double.toString(value);
            text.append(samples[i]).append('|');
        }
        samples[0] = "1.0E-5";
        FieldReader fields = reader(text.toString().replaceFirst("^[^|]*", "1.0E-5"));
        for (String sample : samples) {
            assertThat(fields.readDouble()).isEqualTo(Double.parseDouble(sample));
        }
    }

    @Test
    void decimalsTreatIbUnsetMarkersAsNull() {
        FieldReader fields = reader("100.5||1.7976931348623157E308|");
        assertThat(fields.readDecimal()).isEqualByComparingTo(new BigDecimal("100.5"));
        assertThat(fields.readDecimal()).isNull();
        assertThat(fields.readDecimal()).isNull();
    }

    @Test
    void fastDecimalPathAgreesWithBigDecimalAndKeepsUnsetMarkers() {
        String[] samples = {
            "0",
            "100",
            "-0.5",
            "0.0001",
            "185.625",
            "948837.22",
            "123456789012.345678",
            "-42",
            "1234567890123456789",
            "1.5E3"
        };
        FieldReader fields = reader(String.join("|", samples) + "|9223372036854775807|");
        for (String sample : samples) {
            BigDecimal value = fields.readDecimal();
            assertThat(value).isEqualByComparingTo(new BigDecimal(sample));
            assertThat(value.scale()).isEqualTo(new BigDecimal(sample).scale());
        }
        assertThat(fields.readDecimal()).isNull();
    }

    @Test
    void stringsAreUtf8() {
        assertThat(reader("Zürich|").readString()).isEqualTo("Zürich");
    }
}
