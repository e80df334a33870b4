package io.tradergateway.status;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the exchanges a message names. The page has no exchange column: names appear in the title or text
 * ("To MOEX Traders: ..."). Known IB exchange codes match only in upper case, so that words like "box" or
 * "ice" in prose do not count; the operator's configured names match in any case ("Nasdaq").
 */
final class ExchangeNames {

    /** Common IB exchange / venue codes; configured names are added to these. */
    private static final List<String> KNOWN = List.of(
            "NYSE",
            "NASDAQ",
            "ARCA",
            "AMEX",
            "BATS",
            "BYX",
            "EDGX",
            "EDGEA",
            "IEX",
            "CBOE",
            "CBOE2",
            "C2",
            "ISE",
            "PHLX",
            "BOX",
            "MIAX",
            "PEARL",
            "CME",
            "CBOT",
            "NYMEX",
            "COMEX",
            "GLOBEX",
            "ECBOT",
            "ICE",
            "ICEUS",
            "NYBOT",
            "CFE",
            "OTC",
            "PINK",
            "TSX",
            "VENTURE",
            "MEXI",
            "EUREX",
            "LSE",
            "IBIS",
            "XETRA",
            "SBF",
            "AEB",
            "EBS",
            "SWX",
            "BVME",
            "IDEM",
            "BM",
            "SFB",
            "OMX",
            "WSE",
            "MOEX",
            "TASE",
            "JSE",
            "ASX",
            "SEHK",
            "HKFE",
            "SGX",
            "TSE",
            "OSE",
            "JPX",
            "KSE",
            "NSE",
            "BSE",
            "IDEALPRO",
            "PAXOS");

    /** "To MOEX Traders:" / "To Borsa Istanbul traders -" names an exchange even when it is not a known code. */
    private static final Pattern TO_TRADERS = Pattern.compile("\\bTo\\s+([A-Za-z0-9&.\\- ]{2,40}?)\\s+[Tt]raders\\b");

    private final List<Name> names;

    ExchangeNames(Collection<String> configuredNames) {
        Stream<Name> configured = configuredNames.stream().map(n -> Name.of(n, Pattern.CASE_INSENSITIVE));
        Stream<Name> known = KNOWN.stream().map(n -> Name.of(n, 0));
        this.names = Stream.concat(configured, known).toList();
    }

    /** Upper-case names of the exchanges {@code text} mentions, in order of first appearance per source. */
    List<String> mentionedIn(String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher traders = TO_TRADERS.matcher(text);
        while (traders.find()) {
            found.add(traders.group(1).trim().toUpperCase(Locale.ROOT));
        }
        for (Name name : names) {
            if (name.pattern().matcher(text).find()) {
                found.add(name.name());
            }
        }
        return List.copyOf(found);
    }

    private record Name(String name, Pattern pattern) {

        static Name of(String name, int flags) {
            Pattern word = Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(name) + "(?![A-Za-z0-9])", flags);
            return new Name(name.toUpperCase(Locale.ROOT), word);
        }
    }
}
