package ai.agni.campaigns.platform;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The private-address rule of docs/api.md §8.3 for every outbound HTTP request the service makes
 * (HTTP runtimes, webhooks, hooks): the target host is resolved at request time and refused when
 * any of its addresses is not a public unicast address, unless {@code
 * AGNI_OUTBOUND_ALLOW_PRIVATE=true} ({@code agni.outbound.allow-private}).
 *
 * <p>Refused ranges, IPv4: {@code 0.0.0.0/8} (this network), {@code 10/8}, {@code 100.64/10}
 * (shared address space; some clouds' metadata), {@code 127/8}, {@code 169.254/16} (link-local and
 * the cloud metadata address), {@code 172.16/12}, {@code 192.168/16}, {@code 224/4} (multicast),
 * {@code 240/4} (reserved, broadcast). IPv6: {@code ::/96} (unspecified, loopback and the
 * deprecated IPv4-compatible form), {@code fc00::/7} (unique-local, AWS's metadata address
 * included), {@code fe80::/10} (link-local), {@code fec0::/10} (old site-local), {@code ff00::/8}
 * (multicast); and forms that embed an IPv4 address are judged by that address: IPv4-mapped {@code
 * ::ffff:0:0/96}, NAT64 {@code 64:ff9b::/96} and 6to4 {@code 2002::/16}.
 *
 * <p>Residual risk (DNS rebinding): the JDK HTTP client resolves the host again when it connects,
 * and cannot be told to use the addresses checked here (a {@code Host} header of our own is a
 * restricted header, and an IP in the URL breaks TLS name checks). Both lookups go through the
 * JVM's address cache ({@code networkaddress.cache.ttl}, 30 s by default), so the connection gets
 * the answer that was checked unless that entry expires in the instant between the two; a
 * deployment that sets the cache TTL to 0 loses that guarantee. Redirects are never followed by
 * callers of this policy, so a checked host cannot send the request elsewhere.
 */
@Component
public final class OutboundAddressPolicy {

  /** The text of the refusal, as deliveries and call records show it. */
  public static final String NOT_ALLOWED = "address not allowed";

  private static final Pattern DOTTED_QUAD =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  /** Resolves a host name to all its addresses (blocking); the JDK's by default. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** The target resolved to an address of a refused range. */
  public static final class AddressNotAllowedException extends IOException {
    private final transient InetAddress address;

    AddressNotAllowedException(String host, InetAddress address, String range) {
      super(NOT_ALLOWED + ": " + host + " is " + address.getHostAddress() + " (" + range + ")");
      this.address = address;
    }

    public InetAddress address() {
      return address;
    }
  }

  private final boolean allowPrivate;
  private final Resolver resolver;

  public OutboundAddressPolicy(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  @Autowired
  public OutboundAddressPolicy(AgniProperties properties) {
    this(properties.outbound().allowPrivate(), InetAddress::getAllByName);
  }

  public boolean allowsPrivate() {
    return allowPrivate;
  }

  /**
   * Resolves {@code host} (a name, an IPv4 literal, or an IPv6 literal with or without brackets)
   * and checks every address it has. Blocks for DNS: call it off any thread that must not wait.
   * With private targets allowed, nothing is resolved here.
   *
   * @return the addresses checked (empty when private targets are allowed)
   * @throws AddressNotAllowedException when any address is in a refused range
   * @throws UnknownHostException when the host does not resolve
   */
  public List<InetAddress> check(String host)
      throws AddressNotAllowedException, UnknownHostException {
    if (allowPrivate) {
      return List.of();
    }
    if (host == null || host.isBlank()) {
      throw new UnknownHostException("no host");
    }
    String name = unbracketed(host.trim());
    InetAddress[] addresses = resolver.resolve(name);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(name);
    }
    for (InetAddress address : addresses) {
      String range = restrictedRange(address);
      if (range != null) {
        throw new AddressNotAllowedException(name, address, range);
      }
    }
    return List.of(addresses);
  }

  /** Whether the address is in a refused range. Pure. */
  public static boolean isRestricted(InetAddress address) {
    return restrictedRange(address) != null;
  }

  /**
   * Whether an IP literal ({@code 10.1.2.3}, {@code ::1}, {@code [fe80::1]}) is in a refused range.
   * Pure: never resolves a name.
   *
   * @throws IllegalArgumentException when the text is not an IP literal
   */
  public static boolean isRestricted(String ipLiteral) {
    return restrictedRange(literal(ipLiteral)) != null;
  }

  /** The refused range the address falls in ({@code "127.0.0.0/8 loopback"}), or null. Pure. */
  public static String restrictedRange(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address || b.length == 4) {
      return ipv4Range(b, 0);
    }
    if (address instanceof Inet6Address || b.length == 16) {
      return ipv6Range(b);
    }
    return "unknown address family";
  }

  /** Parses an IP literal without any name lookup. */
  static InetAddress literal(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("not an IP literal: empty");
    }
    String value = unbracketed(text.trim());
    try {
      if (value.indexOf(':') >= 0) {
        // why the brackets: the JDK then takes the text as an IPv6 literal or fails, never
        // asking DNS.
        return InetAddress.getByName("[" + value + "]");
      }
      Matcher quad = DOTTED_QUAD.matcher(value);
      if (!quad.matches()) {
        throw new IllegalArgumentException("not an IP literal: " + text);
      }
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int octet = Integer.parseInt(quad.group(i + 1));
        if (octet > 255) {
          throw new IllegalArgumentException("not an IP literal: " + text);
        }
        bytes[i] = (byte) octet;
      }
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP literal: " + text, e);
    }
  }

  private static String ipv4Range(byte[] b, int at) {
    int a = b[at] & 0xFF;
    int second = b[at + 1] & 0xFF;
    if (a == 0) {
      return "0.0.0.0/8 this network";
    }
    if (a == 10) {
      return "10.0.0.0/8 private";
    }
    if (a == 100 && (second & 0xC0) == 64) {
      return "100.64.0.0/10 shared address space";
    }
    if (a == 127) {
      return "127.0.0.0/8 loopback";
    }
    if (a == 169 && second == 254) {
      return "169.254.0.0/16 link-local and metadata";
    }
    if (a == 172 && (second & 0xF0) == 16) {
      return "172.16.0.0/12 private";
    }
    if (a == 192 && second == 168) {
      return "192.168.0.0/16 private";
    }
    if ((a & 0xF0) == 224) {
      return "224.0.0.0/4 multicast";
    }
    if ((a & 0xF0) == 240) {
      return "240.0.0.0/4 reserved";
    }
    return null;
  }

  private static String ipv6Range(byte[] b) {
    if (zero(b, 0, 10) && (b[10] & 0xFF) == 0xFF && (b[11] & 0xFF) == 0xFF) {
      String embedded = ipv4Range(b, 12);
      return embedded == null ? null : "IPv4-mapped " + embedded;
    }
    if (zero(b, 0, 12)) {
      return "::/96 unspecified, loopback or IPv4-compatible";
    }
    if ((b[0] & 0xFF) == 0x00
        && (b[1] & 0xFF) == 0x64
        && (b[2] & 0xFF) == 0xFF
        && (b[3] & 0xFF) == 0x9B
        && zero(b, 4, 12)) {
      String embedded = ipv4Range(b, 12);
      return embedded == null ? null : "NAT64 " + embedded;
    }
    if ((b[0] & 0xFF) == 0x20 && (b[1] & 0xFF) == 0x02) {
      String embedded = ipv4Range(b, 2);
      return embedded == null ? null : "6to4 " + embedded;
    }
    int first = b[0] & 0xFF;
    if ((first & 0xFE) == 0xFC) {
      return "fc00::/7 unique-local";
    }
    if (first == 0xFE && (b[1] & 0xC0) == 0x80) {
      return "fe80::/10 link-local";
    }
    if (first == 0xFE && (b[1] & 0xC0) == 0xC0) {
      return "fec0::/10 site-local";
    }
    if (first == 0xFF) {
      return "ff00::/8 multicast";
    }
    return null;
  }

  private static boolean zero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String unbracketed(String host) {
    return host.length() > 1 && host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1)
        : host;
  }
}
