package sdx.dns;

import java.math.BigInteger;
import java.util.Locale;
import sdx.core.Check;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Sizes of address blocks, computed from their prefix lengths (a /n block of a b-bit space holds 2^(b-n) addresses). */
public final class AddressSpace {
    private AddressSpace() {}

    /** Addresses in a /{@code prefix} block of a {@code bits}-bit address space (32 for IPv4, 128 for IPv6). */
    public static BigInteger size(int bits, int prefix) {
        Check.that(bits == 32 || bits == 128, "bits", bits, "must be 32 (IPv4) or 128 (IPv6)");
        Check.inRange("prefix", prefix, 0, bits);
        return BigInteger.ONE.shiftLeft(bits - prefix);
    }

    /** A number in words: exact below a billion, else as a power of ten. */
    public static String readable(BigInteger n) {
        if (n.compareTo(BigInteger.valueOf(1_000_000_000L)) < 0) return String.format(Locale.ROOT, "%,d", n);
        String digits = n.toString();
        return String.format(Locale.ROOT, "%s.%s × 10^%d", digits.charAt(0), digits.substring(1, 3), digits.length() - 1);
    }

    /** The blocks the notebook discusses: whole spaces, what an RIR or ISP or site gets, private ranges. */
    public static Table table() {
        Table t = Table.create("Address blocks and their sizes (computed: 2^(bits − prefix))");
        StringColumn block = StringColumn.create("block"), prefix = StringColumn.create("prefix"),
                size = StringColumn.create("addresses"), power = StringColumn.create("= 2^k");
        row(block, prefix, size, power, "all of IPv4", 32, 0);
        row(block, prefix, size, power, "one /8, the unit IANA handed to the RIRs (exhausted 2011)", 32, 8);
        row(block, prefix, size, power, "10.0.0.0/8, the largest private range (RFC 1918)", 32, 8);
        row(block, prefix, size, power, "a home network behind NAT, 192.168.1.0/24", 32, 24);
        row(block, prefix, size, power, "all of IPv6", 128, 0);
        row(block, prefix, size, power, "an ISP's usual first IPv6 allocation from its RIR", 128, 32);
        row(block, prefix, size, power, "one site (a home or office), RFC 6177", 128, 48);
        row(block, prefix, size, power, "one IPv6 subnet (a LAN; SLAAC needs /64)", 128, 64);
        return t.addColumns(block, prefix, size, power);
    }

    /** How many /{@code small} blocks fit in one /{@code large} block of the same space. */
    public static BigInteger blocks(int bits, int large, int small) {
        Check.that(small >= large, "small", small, "must be at least large (" + large + ")");
        return size(bits, large).divide(size(bits, small));
    }

    private static void row(StringColumn block, StringColumn prefix, StringColumn size, StringColumn power,
                            String what, int bits, int length) {
        block.append(what);
        prefix.append((bits == 32 ? "IPv4 /" : "IPv6 /") + length);
        size.append(readable(size(bits, length)));
        power.append("2^" + (bits - length));
    }
}
