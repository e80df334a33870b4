package io.tradergateway.contract;

import io.tradergateway.web.InvalidParameterException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A contract description as a client gives it, validated once at the edge: after {@link #parse} every field
 * is trusted. Blank optional fields mean "any" (TWS matches them loosely; SMART matches any exchange).
 *
 * @param expiry yyyyMM or yyyyMMdd, derivatives only
 * @param strike options only; null when not given
 * @param right C or P, options only
 */
public record ContractQuery(
        String symbol,
        SecType secType,
        String exchange,
        String currency,
        String expiry,
        BigDecimal strike,
        String right) {

    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./&-]{0,23}");
    private static final Pattern EXCHANGE = Pattern.compile("[A-Za-z0-9.]{1,16}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern EXPIRY = Pattern.compile("\\d{6}|\\d{8}");

    public static ContractQuery parse(
            String symbol,
            String secType,
            String exchange,
            String currency,
            String expiry,
            String strike,
            String right) {
        if (blank(symbol)) {
            throw new InvalidParameterException("symbol", "symbol is required, e.g. symbol=AAPL");
        }
        if (!SYMBOL.matcher(symbol.trim()).matches()) {
            throw new InvalidParameterException(
                    "symbol",
                    "symbol '" + SecType.abbreviate(symbol)
                            + "' is not a valid IB symbol (letters, digits, space . / & -, at most 24 characters)");
        }
        SecType type = blank(secType) ? SecType.STK : SecType.parse("secType", secType);
        String exch = blank(exchange) ? "SMART" : exchange.trim().toUpperCase(Locale.ROOT);
        if (!EXCHANGE.matcher(exch).matches()) {
            throw new InvalidParameterException(
                    "exchange",
                    "exchange '" + SecType.abbreviate(exchange)
                            + "' is not a valid exchange code (e.g. SMART, NASDAQ, ARCA, CME, IDEALPRO)");
        }
        String ccy = blank(currency) ? "" : currency.trim().toUpperCase(Locale.ROOT);
        if (!ccy.isEmpty() && !CURRENCY.matcher(ccy).matches()) {
            throw new InvalidParameterException(
                    "currency",
                    "currency '" + SecType.abbreviate(currency)
                            + "' is not an ISO currency code (three letters, e.g. USD)");
        }
        String exp = blank(expiry) ? "" : expiry.trim();
        if (!exp.isEmpty() && !EXPIRY.matcher(exp).matches()) {
            throw new InvalidParameterException(
                    "expiry", "expiry '" + SecType.abbreviate(expiry) + "' must be yyyyMM or yyyyMMdd");
        }
        BigDecimal strk = null;
        if (!blank(strike)) {
            try {
                strk = new BigDecimal(strike.trim());
            } catch (NumberFormatException e) {
                throw new InvalidParameterException(
                        "strike", "strike '" + SecType.abbreviate(strike) + "' is not a number");
            }
            if (strk.signum() <= 0) {
                throw new InvalidParameterException("strike", "strike must be positive");
            }
        }
        String rt = blank(right) ? "" : right.trim().toUpperCase(Locale.ROOT);
        if (!rt.isEmpty()) {
            rt = switch (rt) {
                case "C", "CALL" -> "C";
                case "P", "PUT" -> "P";
                default ->
                    throw new InvalidParameterException(
                            "right", "right '" + SecType.abbreviate(right) + "' must be C (call) or P (put)");
            };
        }
        if (!type.isDerivative() && (!exp.isEmpty() || strk != null || !rt.isEmpty())) {
            throw new InvalidParameterException(
                    "secType",
                    "expiry, strike and right apply to derivatives " + "(OPT, FUT, FOP, WAR), not to " + type);
        }
        return new ContractQuery(symbol.trim().toUpperCase(Locale.ROOT), type, exch, ccy, exp, strk, rt);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
