package io.tradergateway.tws.wire;

import java.math.BigDecimal;
import java.util.List;

/**
 * bondContractData (id 18): one matching bond for a reqContractDetails with secType BOND (TWS answers bonds
 * with this message instead of contractData, then contractDataEnd). Layout for server versions 157..200 (ibapi
 * 10.41 decoder.py processBondContractDataMsg): [version 6, only below SIZE_RULES 164], reqId, symbol, secType,
 * cusip, coupon, maturity [time [timeZoneId]] (one field, split as {@link LastTradeDate}), issueDate, ratings,
 * bondType, couponType, convertible, callable, putable, descAppend, exchange, currency, marketName,
 * tradingClass, conId, minTick, [mdSizeMultiplier below 164], orderTypes, validExchanges, nextOptionDate,
 * nextOptionType, nextOptionPartial, notes, longName, [timeZoneId, tradingHours, liquidHours from 188], evRule,
 * evMultiplier, secIdListCount + (tag, value)*, aggGroup, marketRuleIds, [minSize, sizeIncrement,
 * suggestedSizeIncrement from 164].
 *
 * @param details the fields a bond shares with any contract (maturity as lastTradeDateOrContractMonth)
 * @param terms what only bonds have
 */
public record BondContractData(int reqId, ContractDetails details, BondTerms terms)
        implements ServerMessage, RequestScoped {

    public static final int ID = 18;
    private static final int VERSION = 6;
    static final int BOND_TRADING_HOURS = 188;

    /** The bond-only fields of bondContractData. */
    public record BondTerms(
            String cusip,
            double coupon,
            String issueDate,
            String ratings,
            String bondType,
            String couponType,
            boolean convertible,
            boolean callable,
            boolean putable,
            String descAppend,
            String nextOptionDate,
            String nextOptionType,
            boolean nextOptionPartial,
            String notes) {}

    @Override
    public void writeTo(MessageWriter w, int sv) {
        ContractDetails d = details;
        BondTerms t = terms;
        w.add(ID);
        if (sv < ContractData.SIZE_RULES) {
            w.add(VERSION);
        }
        String maturity = LastTradeDate.join(d.lastTradeDateOrContractMonth(), d.lastTradeTime());
        w.add(reqId).add(d.symbol()).add(d.secType()).add(t.cusip()).add(t.coupon());
        w.add(sv < BOND_TRADING_HOURS && !d.timeZoneId().isEmpty() ? maturity + " " + d.timeZoneId() : maturity);
        w.add(t.issueDate())
                .add(t.ratings())
                .add(t.bondType())
                .add(t.couponType())
                .add(t.convertible())
                .add(t.callable())
                .add(t.putable())
                .add(t.descAppend())
                .add(d.exchange())
                .add(d.currency())
                .add(d.marketName())
                .add(d.tradingClass())
                .add(d.conId())
                .add(d.minTick());
        if (sv < ContractData.SIZE_RULES) {
            w.add(1); // mdSizeMultiplier, ignored by clients
        }
        w.add(d.orderTypes())
                .add(d.validExchanges())
                .add(t.nextOptionDate())
                .add(t.nextOptionType())
                .add(t.nextOptionPartial())
                .add(t.notes())
                .add(d.longName());
        if (sv >= BOND_TRADING_HOURS) {
            w.add(d.timeZoneId()).add(d.tradingHours()).add(d.liquidHours());
        }
        w.add(d.evRule()).add(d.evMultiplier() == 0 ? "" : Integer.toString((int) d.evMultiplier()));
        w.add(d.secIds().size());
        d.secIds().forEach(tag -> w.add(tag.tag()).add(tag.value()));
        w.add(d.aggGroup()).add(d.marketRuleIds());
        if (sv >= ContractData.SIZE_RULES) {
            w.add(d.minSize()).add(d.sizeIncrement()).add(d.suggestedSizeIncrement());
        }
    }

    static BondContractData read(FieldReader f, int sv) {
        int version = sv < ContractData.SIZE_RULES ? f.readInt() : VERSION;
        int reqId = version >= 3 ? f.readInt() : -1;
        String symbol = f.readString();
        String secType = f.readString();
        String cusip = f.readString();
        double coupon = f.readDouble();
        LastTradeDate maturity = LastTradeDate.parse(f.readString());
        String issueDate = f.readString();
        String ratings = f.readString();
        String bondType = f.readString();
        String couponType = f.readString();
        boolean convertible = f.readBool();
        boolean callable = f.readBool();
        boolean putable = f.readBool();
        String descAppend = f.readString();
        String exchange = f.readString();
        String currency = f.readString();
        String marketName = f.readString();
        String tradingClass = f.readString();
        int conId = f.readInt();
        double minTick = f.readDouble();
        if (sv < ContractData.SIZE_RULES) {
            f.skip(); // mdSizeMultiplier
        }
        String orderTypes = f.readString();
        String validExchanges = f.readString();
        String nextOptionDate = f.readString();
        String nextOptionType = f.readString();
        boolean nextOptionPartial = f.readBool();
        String notes = f.readString();
        String longName = version >= 4 ? f.readString() : "";
        String timeZoneId = maturity.timeZoneId();
        String tradingHours = "";
        String liquidHours = "";
        if (sv >= BOND_TRADING_HOURS) {
            timeZoneId = f.readString();
            tradingHours = f.readString();
            liquidHours = f.readString();
        }
        String evRule = version >= 6 ? f.readString() : "";
        double evMultiplier = version >= 6 ? f.readDouble() : 0;
        List<TagValue> secIds = version >= 5 ? ContractData.pairs(f) : List.of();
        int aggGroup = f.readInt();
        String marketRuleIds = f.readString();
        BigDecimal minSize = null;
        BigDecimal sizeIncrement = null;
        BigDecimal suggestedSizeIncrement = null;
        if (sv >= ContractData.SIZE_RULES) {
            minSize = f.readDecimal();
            sizeIncrement = f.readDecimal();
            suggestedSizeIncrement = f.readDecimal();
        }
        ContractDetails details = new ContractDetails(
                symbol,
                secType,
                maturity.date(),
                "",
                maturity.time(),
                0,
                "",
                exchange,
                currency,
                "",
                marketName,
                tradingClass,
                conId,
                minTick,
                "",
                orderTypes,
                validExchanges,
                0,
                0,
                longName,
                "",
                "",
                "",
                "",
                "",
                timeZoneId,
                tradingHours,
                liquidHours,
                evRule,
                evMultiplier,
                secIds,
                aggGroup,
                "",
                "",
                marketRuleIds,
                "",
                "",
                minSize,
                sizeIncrement,
                suggestedSizeIncrement,
                List.of(),
                List.of());
        BondTerms terms = new BondTerms(
                cusip,
                coupon,
                issueDate,
                ratings,
                bondType,
                couponType,
                convertible,
                callable,
                putable,
                descAppend,
                nextOptionDate,
                nextOptionType,
                nextOptionPartial,
                notes);
        return new BondContractData(reqId, details, terms);
    }
}
