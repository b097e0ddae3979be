package ai.agni.campaigns.telephony.sip;

import ai.agni.campaigns.platform.SecretCipher;
import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.telephony.TelephonyPort;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import javax.sip.SipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The {@code sip} provider: each call is a {@link ThirdPartyCall} on the node's one {@link
 * SipEndpoint}, which is started by the first call. A call whose number lacks a trunk, or whose
 * agent lacks a {@code sipUri}, never leaves: the contact keeps its attempt and the number backs
 * off, as when the trunk is down.
 */
@Component
public class SipTelephonyAdapter implements TelephonyPort, DisposableBean {

  public static final String PROVIDER = "sip";

  private static final Logger log = LoggerFactory.getLogger(SipTelephonyAdapter.class);

  private final SipEndpoint endpoint;
  private final Clock clock;
  private final TaskTimer timer;
  private final SecretCipher secrets;

  public SipTelephonyAdapter(
      SipProperties properties, Clock clock, TaskTimer timer, SecretCipher secrets) {
    this.endpoint = new SipEndpoint(properties, "agni-" + Integer.toHexString(hashCode()));
    this.clock = clock;
    this.timer = timer;
    this.secrets = secrets;
  }

  @Override
  public String provider() {
    return PROVIDER;
  }

  @Override
  public CompletableFuture<CallResult> placeCall(CallRequest request, CallEventSink events) {
    if (request.route(CallRequest.SIP_TRUNK_URI) == null) {
      return unplaced(SipOutcomes.TRUNK_UNAVAILABLE, "the number has no sip_trunk_uri");
    }
    if (request.route(CallRequest.AGENT_SIP_URI) == null) {
      return unplaced(SipOutcomes.AGENT_UNAVAILABLE, "the agent has no sipUri");
    }
    try {
      endpoint.start();
    } catch (SipException e) {
      log.error("The SIP stack cannot start: {}", e.toString());
      return unplaced(SipOutcomes.TRUNK_UNAVAILABLE, "SIP stack not started: " + e.getMessage());
    }
    ThirdPartyCall call = new ThirdPartyCall(endpoint, request, events, clock, timer, secrets);
    call.start();
    return call.result();
  }

  /** Starts the SIP stack before the first calls' slots (binding takes a while). */
  @Override
  public void prepare() {
    try {
      endpoint.start();
    } catch (SipException e) {
      log.error("The SIP stack cannot start: {}", e.toString());
    }
  }

  @Override
  public void hangUpAll() {
    endpoint.hangUpAll();
  }

  /** Calls holding state in the stack right now (ended calls linger 64 × T1); for tests. */
  public int callsHeld() {
    return endpoint.boundCallIds();
  }

  private CompletableFuture<CallResult> unplaced(String reason, String detail) {
    return CompletableFuture.completedFuture(
        CallResult.lineUnavailable(reason, null, clock.instant()).withProvider(null, detail));
  }

  @Override
  public void destroy() {
    endpoint.close();
  }
}
