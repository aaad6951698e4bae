package mx.ine.redes.support.ratelimit;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who is asking, as far as the rate limit is concerned: the connection's peer, or — when the peer
 * is one of the configured trusted proxies — the last address of {@code X-Forwarded-For} that is
 * not a trusted proxy, walking from the right (each proxy appends the address it saw; everything
 * to the left of the first untrusted hop is the client's to invent).
 */
public final class ClientAddress {

    /** Only literal addresses: a header value is never resolved through DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private final List<Block> trusted;

    /** Proxies given by a setting whose name is unknown here (tests). */
    public ClientAddress(Optional<List<String>> trustedProxies) {
        this(trustedProxies, "trusted-proxies");
    }

    /** @param settingName the configuration key the list comes from, named when one of its entries is not an address */
    public ClientAddress(Optional<List<String>> trustedProxies, String settingName) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : trustedProxies.orElse(List.of())) {
            if (!entry.isBlank()) {
                blocks.add(Block.parse(entry.strip(), settingName));
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    public String of(String peer, String forwardedFor) {
        if (peer == null || !isTrusted(peer) || forwardedFor == null || forwardedFor.isBlank()) {
            return peer == null ? "desconocido" : peer;
        }
        String[] hops = forwardedFor.split(",");
        String leftmost = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = strip(hops[i]);
            Optional<InetAddress> address = literal(hop);
            if (address.isEmpty()) {
                // A hop that is not an address was not written by a proxy we trust: stop at the last good one.
                return leftmost;
            }
            if (!isTrusted(hop)) {
                return address.get().getHostAddress();
            }
            leftmost = address.get().getHostAddress();
        }
        return leftmost;
    }

    boolean isTrusted(String address) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && trusted.stream().anyMatch(block -> block.contains(parsed.get()));
    }

    /** The rate limit's unit: an IPv4 address as is, an IPv6 address by its /64 (one subscriber). */
    public static String group(String address) {
        Optional<InetAddress> parsed = literal(address);
        if (parsed.isEmpty()) {
            return address == null ? "desconocido" : address.toLowerCase(Locale.ROOT);
        }
        byte[] bytes = parsed.get().getAddress();
        if (bytes.length == 4) {
            return parsed.get().getHostAddress();
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    private static String strip(String hop) {
        String text = hop.strip();
        if (text.startsWith("[")) { // [2001:db8::1]:443
            int end = text.indexOf(']');
            return end > 0 ? text.substring(1, end) : text;
        }
        if (text.indexOf(':') > 0 && text.indexOf(':') == text.lastIndexOf(':') && text.contains(".")) {
            return text.substring(0, text.indexOf(':')); // 203.0.113.7:5123
        }
        return text;
    }

    private static Optional<InetAddress> literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45 || !LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private record Block(BigInteger network, int bits, int length) {

        static Block parse(String entry, String settingName) {
            String[] parts = entry.split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(() ->
                    new IllegalArgumentException(settingName + ": not an address: " + entry));
            int length = address.getAddress().length * 8;
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : length;
            if (bits < 0 || bits > length) {
                throw new IllegalArgumentException(settingName + ": bad prefix: " + entry);
            }
            return new Block(new BigInteger(1, address.getAddress()).shiftRight(length - bits), bits, length);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length * 8 != length) {
                return false;
            }
            return new BigInteger(1, bytes).shiftRight(length - bits).equals(network);
        }
    }
}
