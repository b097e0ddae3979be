package ai.agni.campaigns.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The private-address rule: the classification of addresses, and the check at request time. */
class OutboundAddressPolicyTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        // 0.0.0.0/8
        "0.0.0.0",
        "0.1.2.3",
        "0.255.255.255",
        // 10/8
        "10.0.0.0",
        "10.0.0.1",
        "10.255.255.255",
        // 100.64/10
        "100.64.0.0",
        "100.100.100.200",
        "100.127.255.255",
        // 127/8
        "127.0.0.1",
        "127.0.0.0",
        "127.255.255.254",
        "127.1.2.3",
        // 169.254/16, the metadata address included
        "169.254.0.0",
        "169.254.169.254",
        "169.254.255.255",
        // 172.16/12
        "172.16.0.0",
        "172.16.0.1",
        "172.20.10.10",
        "172.31.255.255",
        // 192.168/16
        "192.168.0.0",
        "192.168.1.1",
        "192.168.255.255",
        // multicast, reserved, broadcast
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        // IPv6 unspecified, loopback, IPv4-compatible
        "::",
        "::1",
        "::127.0.0.1",
        "::8.8.8.8",
        "0:0:0:0:0:0:0:1",
        "[::1]",
        // fc00::/7 (AWS metadata fd00:ec2::254 included)
        "fc00::",
        "fc00::1",
        "fd00:ec2::254",
        "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
        // fe80::/10
        "fe80::",
        "fe80::1",
        "febf:ffff::1",
        "[fe80::1]",
        // fec0::/10 and multicast
        "fec0::1",
        "feff::1",
        "ff02::1",
        "ff05::1:3",
        // IPv4-mapped, NAT64 and 6to4 forms of refused IPv4 addresses
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:0.0.0.0",
        "::ffff:7f00:1",
        "64:ff9b::127.0.0.1",
        "64:ff9b::a00:1",
        "2002:7f00:1::",
        "2002:a9fe:a9fe::1"
      })
  void refusesEveryNonPublicRange(String literal) {
    assertThat(OutboundAddressPolicy.isRestricted(literal)).as(literal).isTrue();
    assertThat(OutboundAddressPolicy.restrictedRange(OutboundAddressPolicy.literal(literal)))
        .as(literal)
        .isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // just outside each IPv4 range
        "1.0.0.0",
        "9.255.255.255",
        "11.0.0.0",
        "100.63.255.255",
        "100.128.0.0",
        "126.255.255.255",
        "128.0.0.0",
        "169.253.255.255",
        "169.255.0.0",
        "172.15.255.255",
        "172.32.0.0",
        "192.167.255.255",
        "192.169.0.0",
        "223.255.255.255",
        // public addresses
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "203.0.113.7",
        // public IPv6, and the embedded forms of public IPv4 addresses
        "2001:4860:4860::8888",
        "2606:4700:4700::1111",
        "2a00:1450:4001:80b::200e",
        "fbff:ffff::1",
        "fe7f::1",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1",
        "[2001:db8::1]"
      })
  void allowsPublicAddresses(String literal) {
    assertThat(OutboundAddressPolicy.isRestricted(literal)).as(literal).isFalse();
    assertThat(OutboundAddressPolicy.restrictedRange(OutboundAddressPolicy.literal(literal)))
        .as(literal)
        .isNull();
  }

  @Test
  void namesTheRange() {
    assertThat(OutboundAddressPolicy.restrictedRange(OutboundAddressPolicy.literal("127.0.0.1")))
        .isEqualTo("127.0.0.0/8 loopback");
    assertThat(
            OutboundAddressPolicy.restrictedRange(OutboundAddressPolicy.literal("::ffff:10.1.1.1")))
        .isEqualTo("10.0.0.0/8 private");
    assertThat(OutboundAddressPolicy.restrictedRange(OutboundAddressPolicy.literal("fd00::1")))
        .isEqualTo("fc00::/7 unique-local");
  }

  @Test
  void judgesAnIpv4MappedInet6AddressByItsIpv4Address() throws UnknownHostException {
    // why built by hand: InetAddress.getByName turns ::ffff:a.b.c.d into an Inet4Address, but an
    // Inet6Address with these bytes can still reach us (from a resolver, or a socket).
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 127, 0, 0, 1};
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(OutboundAddressPolicy.isRestricted(address)).isTrue();
    byte[] publicMapped = mapped.clone();
    publicMapped[12] = 8;
    publicMapped[13] = 8;
    publicMapped[14] = 8;
    publicMapped[15] = 8;
    assertThat(
            OutboundAddressPolicy.isRestricted(Inet6Address.getByAddress(null, publicMapped, -1)))
        .isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "localhost",
        "example.com",
        "1.2.3",
        "1.2.3.4.5",
        "256.1.1.1",
        "1.2.3.-4",
        ":::"
      })
  void aStringThatIsNotAnIpLiteralIsAnErrorNotALookup(String text) {
    assertThatThrownBy(() -> OutboundAddressPolicy.isRestricted(text))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void checksEveryAddressAHostResolvesTo() throws Exception {
    Map<String, List<String>> dns =
        Map.of(
            "public.test", List.of("93.184.216.34", "2606:2800:220:1::1"),
            "mixed.test", List.of("93.184.216.34", "10.0.0.5"),
            "sneaky.test", List.of("2606:2800:220:1::1", "::ffff:169.254.169.254"));
    List<String> asked = new ArrayList<>();
    OutboundAddressPolicy policy =
        new OutboundAddressPolicy(
            false,
            host -> {
              asked.add(host);
              List<String> answers = dns.get(host);
              if (answers == null) {
                throw new UnknownHostException(host);
              }
              return answers.stream()
                  .map(OutboundAddressPolicy::literal)
                  .toArray(InetAddress[]::new);
            });
    assertThat(policy.check("public.test")).hasSize(2);
    assertThatThrownBy(() -> policy.check("mixed.test"))
        .isInstanceOf(OutboundAddressPolicy.AddressNotAllowedException.class)
        .hasMessageContaining("address not allowed")
        .hasMessageContaining("10.0.0.5");
    assertThatThrownBy(() -> policy.check("sneaky.test"))
        .isInstanceOf(OutboundAddressPolicy.AddressNotAllowedException.class);
    assertThatThrownBy(() -> policy.check("nowhere.test")).isInstanceOf(UnknownHostException.class);
    assertThatThrownBy(() -> policy.check(" ")).isInstanceOf(UnknownHostException.class);
    assertThat(asked).containsExactly("public.test", "mixed.test", "sneaky.test", "nowhere.test");
  }

  @Test
  void theSystemResolverRefusesLoopbackNamesAndLiterals() {
    OutboundAddressPolicy policy =
        new OutboundAddressPolicy(new AgniProperties(null, null, null, null, null));
    assertThat(policy.allowsPrivate()).isFalse();
    for (String host : List.of("localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0")) {
      assertThatThrownBy(() -> policy.check(host))
          .as(host)
          .isInstanceOf(OutboundAddressPolicy.AddressNotAllowedException.class);
    }
  }

  @Test
  void allowingPrivateTargetsResolvesNothing() throws Exception {
    OutboundAddressPolicy policy =
        new OutboundAddressPolicy(
            true,
            host -> {
              throw new AssertionError("resolved " + host);
            });
    assertThat(policy.allowsPrivate()).isTrue();
    assertThat(policy.check("127.0.0.1")).isEmpty();
    assertThat(policy.check("10.0.0.1")).isEmpty();
    assertThat(
            new OutboundAddressPolicy(
                    new AgniProperties(null, null, null, null, new AgniProperties.Outbound(true)))
                .allowsPrivate())
        .isTrue();
  }
}
