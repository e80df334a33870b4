package io.tradergateway.tws.wire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * contractData (id 10): one matching contract for a reqContractDetails; several may follow, then
 * contractDataEnd. Layout for server versions 157..200 (ibapi decoder.py processContractDataMsg, identical in
 * scmhub/ibapi decoder.go; checked against rust-ibapi v2.10.0's AAPL capture at 173 in src/transport/sync.rs):
 * [version 8, only below SIZE_RULES 164], reqId, symbol, secType, lastTradeDateOrContractMonth,
 * [lastTradeDate from 182], strike, right, exchange, currency, localSymbol, marketName, tradingClass, conId,
 * minTick, [mdSizeMultiplier below 164], multiplier, orderTypes, validExchanges, priceMagnifier, underConId,
 * longName, primaryExchange, contractMonth, industry, category, subcategory, timeZoneId, tradingHours,
 * liquidHours, evRule, evMultiplier, secIdListCount + (tag, value)*, aggGroup, underSymbol, underSecType,
 * marketRuleIds, realExpirationDate, stockType, [sizeMinTick at 163 only], [minSize, sizeIncrement,
 * suggestedSizeIncrement from 164], [17 fund fields from 179 when secType is FUND], [ineligibility reasons
 * count + (id, description)* from 186]. As in IB's clients, lastTradeDateOrContractMonth is split into date and
 * last-trade time ({@link LastTradeDate}) and longName's {@code \}{@code uXXXX} escapes are undone
 * ({@link UnicodeEscapes}).
 */
public record ContractData(int reqId, ContractDetails details) implements ServerMessage, RequestScoped {

    public static final int ID = 10;
    private static final int VERSION = 8;
    static final int FRACTIONAL_SIZE_SUPPORT = 163;
    static final int SIZE_RULES = 164;
    static final int FUND_DATA_FIELDS = 179;
    static final int LAST_TRADE_DATE = 182;
    static final int INELIGIBILITY_REASONS = 186;
    private static final int FUND_FIELD_COUNT = 17;

    @Override
    public void writeTo(MessageWriter w, int sv) {
        ContractDetails d = details;
        w.add(ID);
        if (sv < SIZE_RULES) {
            w.add(VERSION);
        }
        w.add(reqId)
                .add(d.symbol())
                .add(d.secType())
                .add(LastTradeDate.join(d.lastTradeDateOrContractMonth(), d.lastTradeTime()));
        if (sv >= LAST_TRADE_DATE) {
            w.add(d.lastTradeDate());
        }
        w.add(d.strike())
                .add(d.right())
                .add(d.exchange())
                .add(d.currency())
                .add(d.localSymbol())
                .add(d.marketName())
                .add(d.tradingClass())
                .add(d.conId())
                .add(d.minTick());
        if (sv < SIZE_RULES) {
            w.add(1); // mdSizeMultiplier, ignored by clients
        }
        w.add(d.multiplier())
                .add(d.orderTypes())
                .add(d.validExchanges())
                .add(d.priceMagnifier())
                .add(d.underConId())
                .add(UnicodeEscapes.encode(d.longName()))
                .add(d.primaryExchange())
                .add(d.contractMonth())
                .add(d.industry())
                .add(d.category())
                .add(d.subcategory())
                .add(d.timeZoneId())
                .add(d.tradingHours())
                .add(d.liquidHours())
                .add(d.evRule())
                .add(d.evMultiplier() == 0 ? "" : plain(d.evMultiplier()))
                .add(d.secIds().size());
        d.secIds().forEach(t -> w.add(t.tag()).add(t.value()));
        w.add(d.aggGroup())
                .add(d.underSymbol())
                .add(d.underSecType())
                .add(d.marketRuleIds())
                .add(d.realExpirationDate())
                .add(d.stockType());
        if (sv == FRACTIONAL_SIZE_SUPPORT) {
            w.add(d.minSize()); // sizeMinTick
        }
        if (sv >= SIZE_RULES) {
            w.add(d.minSize()).add(d.sizeIncrement()).add(d.suggestedSizeIncrement());
        }
        if (sv >= FUND_DATA_FIELDS && "FUND".equals(d.secType())) {
            for (int i = 0; i < FUND_FIELD_COUNT; i++) {
                w.add(i < d.fundFields().size() ? d.fundFields().get(i) : "");
            }
        }
        if (sv >= INELIGIBILITY_REASONS) {
            w.add(d.ineligibilityReasons().size());
            d.ineligibilityReasons().forEach(t -> w.add(t.tag()).add(t.value()));
        }
    }

    static ContractData read(FieldReader f, int sv) {
        if (sv < SIZE_RULES) {
            f.skip(); // version
        }
        int reqId = f.readInt();
        String symbol = f.readString();
        String secType = f.readString();
        LastTradeDate last = LastTradeDate.parse(f.readString());
        String lastTradeDate = sv >= LAST_TRADE_DATE ? f.readString() : "";
        double strike = f.readDouble();
        String right = f.readString();
        String exchange = f.readString();
        String currency = f.readString();
        String localSymbol = f.readString();
        String marketName = f.readString();
        String tradingClass = f.readString();
        int conId = f.readInt();
        double minTick = f.readDouble();
        if (sv < SIZE_RULES) {
            f.skip(); // mdSizeMultiplier
        }
        String multiplier = f.readString();
        String orderTypes = f.readString();
        String validExchanges = f.readString();
        int priceMagnifier = f.readInt();
        int underConId = f.readInt();
        String longName = UnicodeEscapes.decode(f.readString());
        String primaryExchange = f.readString();
        String contractMonth = f.readString();
        String industry = f.readString();
        String category = f.readString();
        String subcategory = f.readString();
        String timeZoneId = f.readString();
        String tradingHours = f.readString();
        String liquidHours = f.readString();
        String evRule = f.readString();
        double evMultiplier = f.readDouble();
        List<TagValue> secIds = pairs(f);
        int aggGroup = f.readInt();
        String underSymbol = f.readString();
        String underSecType = f.readString();
        String marketRuleIds = f.readString();
        String realExpirationDate = f.readString();
        String stockType = f.readString();
        if (sv == FRACTIONAL_SIZE_SUPPORT) {
            f.skip(); // sizeMinTick
        }
        BigDecimal minSize = null;
        BigDecimal sizeIncrement = null;
        BigDecimal suggestedSizeIncrement = null;
        if (sv >= SIZE_RULES) {
            minSize = f.readDecimal();
            sizeIncrement = f.readDecimal();
            suggestedSizeIncrement = f.readDecimal();
        }
        List<String> fundFields = new ArrayList<>();
        if (sv >= FUND_DATA_FIELDS && "FUND".equals(secType)) {
            for (int i = 0; i < FUND_FIELD_COUNT; i++) {
                fundFields.add(f.readString());
            }
        }
        List<TagValue> ineligible = sv >= INELIGIBILITY_REASONS ? pairs(f) : List.of();
        return new ContractData(
                reqId,
                new ContractDetails(
                        symbol,
                        secType,
                        last.date(),
                        lastTradeDate,
                        last.time(),
                        strike,
                        right,
                        exchange,
                        currency,
                        localSymbol,
                        marketName,
                        tradingClass,
                        conId,
                        minTick,
                        multiplier,
                        orderTypes,
                        validExchanges,
                        priceMagnifier,
                        underConId,
                        longName,
                        primaryExchange,
                        contractMonth,
                        industry,
                        category,
                        subcategory,
                        timeZoneId,
                        tradingHours,
                        liquidHours,
                        evRule,
                        evMultiplier,
                        secIds,
                        aggGroup,
                        underSymbol,
                        underSecType,
                        marketRuleIds,
                        realExpirationDate,
                        stockType,
                        minSize,
                        sizeIncrement,
                        suggestedSizeIncrement,
                        fundFields,
                        ineligible));
    }

    static List<TagValue> pairs(FieldReader f) {
        int count = f.readInt();
        if (count < 0 || count > 10_000) {
            throw new ProtocolException("implausible list length " + count);
        }
        List<TagValue> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pairs.add(new TagValue(f.readString(), f.readString()));
        }
        return pairs;
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).toPlainString();
    }
}
