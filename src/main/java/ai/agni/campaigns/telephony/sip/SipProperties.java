package ai.agni.campaigns.telephony.sip;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the SIP adapter under {@code agni.sip.*} ({@code AGNI_SIP_BIND}, {@code
 * AGNI_SIP_PUBLIC_ADDRESS}, ...), checked at start-up so a typo stops the service with the
 * property's name.
 *
 * @param bind {@code host:port} the stack listens on, UDP and TCP (default {@code 0.0.0.0:5060})
 * @param publicAddress {@code host[:port]} written into Via and Contact when the service sits
 *     behind NAT; empty: the bound address (or this host's first non-loopback address when bound to
 *     all)
 * @param t1Ms the SIP timer T1 in milliseconds (RFC 3261: 500); timer B, the longest wait for any
 *     answer to an INVITE, is 64 × T1
 * @param agentAnswerMs how long the agent runtime has to answer once the contact answered
 */
@ConfigurationProperties("agni.sip")
public record SipProperties(String bind, String publicAddress, Long t1Ms, Long agentAnswerMs) {

  public SipProperties {
    bind = bind == null || bind.isBlank() ? "0.0.0.0:5060" : bind.trim();
    publicAddress = publicAddress == null ? "" : publicAddress.trim();
    t1Ms = t1Ms == null ? 500L : t1Ms;
    agentAnswerMs = agentAnswerMs == null ? 10_000L : agentAnswerMs;
    HostPort.parse(bind, "agni.sip.bind");
    if (!publicAddress.isEmpty()) {
      HostPort.parse(publicAddress, "agni.sip.public-address");
    }
    if (t1Ms < 10 || t1Ms > 10_000) {
      throw new IllegalArgumentException("agni.sip.t1-ms must be 10..10000: " + t1Ms);
    }
    if (agentAnswerMs < 100) {
      throw new IllegalArgumentException(
          "agni.sip.agent-answer-ms must be ≥ 100: " + agentAnswerMs);
    }
  }

  HostPort bindAddress() {
    return HostPort.parse(bind, "agni.sip.bind");
  }

  /** A host and an optional port ({@code -1}). */
  record HostPort(String host, int port) {

    static HostPort parse(String value, String property) {
      String v = value.trim();
      String host = v;
      int port = -1;
      int colon = v.lastIndexOf(':');
      if (colon > 0 && v.indexOf(':') == colon) {
        host = v.substring(0, colon);
        try {
          port = Integer.parseInt(v.substring(colon + 1));
        } catch (
            NumberFormatException e) { // the message names the property; the cause adds nothing
          throw new IllegalArgumentException(property + " must be host[:port]: '" + value + "'");
        }
        if (port < 1 || port > 65_535) {
          throw new IllegalArgumentException(
              property + " has a port out of range: '" + value + "'");
        }
      }
      if (host.isEmpty() || host.contains(" ")) {
        throw new IllegalArgumentException(property + " must be host[:port]: '" + value + "'");
      }
      return new HostPort(host, port);
    }
  }
}
