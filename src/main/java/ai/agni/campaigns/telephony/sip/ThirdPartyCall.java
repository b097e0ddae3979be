package ai.agni.campaigns.telephony.sip;

import ai.agni.campaigns.phonenumber.NumberSecrets;
import ai.agni.campaigns.platform.SecretCipher;
import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.CallEventSink;
import ai.agni.campaigns.telephony.CallOutcome;
import ai.agni.campaigns.telephony.CallRequest;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.telephony.DialPacing;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.lang.ref.WeakReference;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One attempt as an RFC 3725 controller (flow I): an INVITE with no offer to the contact through
 * the trunk; the contact's 200 carries its offer, which goes in an INVITE to the agent; the agent's
 * answer goes back to the contact in the ACK. Media then flows between the two.
 *
 * <p>Every message and timer of the call enters through a synchronized method, and the result is
 * completed exactly once, by {@link #end}; whatever arrives afterwards (a 200 after our CANCEL, a
 * late answer of the agent, a repeated BYE) only cleans up: a dialog that should not exist is
 * acknowledged and hung up, and nothing is recorded twice.
 */
final class ThirdPartyCall implements SipEndpoint.CallHandler {

  private static final Logger log = LoggerFactory.getLogger(ThirdPartyCall.class);

  /** How often a ringing call checks its INVITE transaction for an answer the stack lost. */
  private static final Duration LOST_ANSWER_CHECK = Duration.ofSeconds(1);

  /** Set by {@link #hangUpForShutdown}: the call ends as node_lost whatever the legs answer. */
  private boolean shuttingDown;

  private enum State {
    /** INVITE sent to the contact, no final answer yet. */
    CALLING,
    /** The ring timeout passed; CANCEL sent, waiting for the 487 (or a 200 that crossed it). */
    CANCELLING,
    /** The contact answered (not yet acknowledged); INVITE sent to the agent. */
    CONNECTING_AGENT,
    /** Both legs confirmed: media flows between them. */
    CONNECTED,
    /** The result is recorded; only clean-up is left. */
    ENDED
  }

  private final SipEndpoint sip;
  private final CallRequest request;
  private final CallEventSink events;
  private final Clock clock;
  private final TaskTimer timer;
  private final SecretCipher secrets;
  private final CompletableFuture<CallResult> result = new CompletableFuture<>();

  private State state = State.CALLING;
  private SipURI trunk;
  private ClientTransaction contactInvite;
  private String contactCallId;
  private Dialog contactDialog;
  private long contactAckCseq;
  private Request contactAck;
  private boolean provisional;
  private boolean ringing;
  private boolean ringTimedOut;
  private boolean authTried;
  private String offer;
  private Instant answeredAt;
  private ClientTransaction agentInvite;
  private String agentCallId;
  private Dialog agentDialog;
  private Request agentAck;
  private boolean agentProvisional;

  ThirdPartyCall(
      SipEndpoint sip,
      CallRequest request,
      CallEventSink events,
      Clock clock,
      TaskTimer timer,
      SecretCipher secrets) {
    this.sip = sip;
    this.request = request;
    this.events = events;
    this.clock = clock;
    this.timer = timer;
    this.secrets = secrets;
  }

  CompletableFuture<CallResult> result() {
    return result;
  }

  /** Sends the INVITE to the contact and arms the ring timeout and the call's last guard. */
  synchronized void start() {
    Request invite;
    String transport;
    try {
      trunk = sip.sipUri(request.route(CallRequest.SIP_TRUNK_URI));
      transport = SipEndpoint.transportOf(trunk);
      if (!transport.equals("udp") && !transport.equals("tcp")) {
        endUnplaced("transport " + transport + " is not supported (udp, tcp)");
        return;
      }
      SipURI target = sip.userAt(request.to(), trunk);
      invite =
          sip.invite(
              target,
              request.from(),
              sip.address(sip.userAt(request.to(), trunk)),
              transport,
              List.of(new AgentHeaders.Header("X-Agni-Session", request.sessionId().toString())),
              null);
    } catch (ParseException | InvalidArgumentException e) {
      endUnplaced("bad trunk URI: " + e.getMessage());
      return;
    }
    contactCallId = SipEndpoint.callId(invite);
    sip.bind(contactCallId, this, SipEndpoint.Leg.CONTACT);
    Request ready = invite;
    // why the pacer now: the calls-per-second caps hold at the moment the INVITE leaves.
    DialPacing.whenAdmitted(events, clock, timer, () -> sendInvite(ready));
  }

  private synchronized void sendInvite(Request invite) {
    Instant now = clock.instant();
    try {
      contactInvite = sip.send(invite);
    } catch (SipException e) {
      log.info("INVITE of {} could not be sent: {}", request.sessionId(), e.toString());
      end(ending(SipOutcomes.unreachable(false), null, "trunk not reachable: " + e.getMessage()));
      return;
    }
    later(now.plus(request.ringTimeout()), ThirdPartyCall::ringTimeout);
    later(now.plus(longestCall()), ThirdPartyCall::lastGuard);
    later(now.plus(LOST_ANSWER_CHECK), ThirdPartyCall::findLostAnswer);
  }

  /**
   * why: the stack can lose a final answer on its way to us. Over TCP, when the trunk closes the
   * connection right after our ACK of a 486, the stack fails writing the ACK and never reports the
   * 486, though its transaction holds it. While the contact has not answered, the call looks at its
   * INVITE transaction now and then, and acts on a final answer found there. (A lost 2xx needs no
   * help: the far end repeats it until it is acknowledged.)
   */
  private synchronized void findLostAnswer() {
    if (state != State.CALLING && state != State.CANCELLING) {
      return;
    }
    Response last = SipEndpoint.lastResponse(contactInvite);
    if (last != null && last.getStatusCode() >= 300) {
      try {
        contactRejected(last, contactInvite);
      } catch (SipException e) {
        end(ending(SipOutcomes.unreachable(state == State.CANCELLING), null, e.toString()));
      }
    }
    if (state == State.CALLING || state == State.CANCELLING) {
      later(clock.instant().plus(LOST_ANSWER_CHECK), ThirdPartyCall::findLostAnswer);
    }
  }

  // --- the contact leg ------------------------------------------------------------------------

  @Override
  public synchronized void onResponse(SipEndpoint.Leg leg, ResponseEvent event) {
    Response response = event.getResponse();
    CSeqHeader cseq = (CSeqHeader) response.getHeader(CSeqHeader.NAME);
    if (cseq == null || !Request.INVITE.equals(cseq.getMethod())) {
      return; // answers to our CANCEL and BYE tell nothing more
    }
    try {
      if (leg == SipEndpoint.Leg.CONTACT) {
        contactResponse(event, response, cseq.getSeqNumber());
      } else {
        agentResponse(event, response, cseq.getSeqNumber());
      }
    } catch (SipException | InvalidArgumentException | ParseException e) {
      log.warn(
          "Call {}: could not act on {}: {}", request.sessionId(), response.getStatusCode(), e);
      if (state == State.CONNECTING_AGENT) {
        agentFailed(e.toString()); // why: the contact answered; it must be hung up at once
        return;
      }
      hangUpBoth();
      if (answeredAt != null) {
        end(result(CallOutcome.FAILED, SipOutcomes.AGENT_UNAVAILABLE, true, e.toString()));
      } else {
        end(ending(SipOutcomes.unreachable(state == State.CANCELLING), null, e.toString()));
      }
    }
  }

  private void contactResponse(ResponseEvent event, Response response, long cseq)
      throws SipException, InvalidArgumentException, ParseException {
    int code = response.getStatusCode();
    if (code < 200) {
      provisional = true;
      if ((code == 180 || code == 183) && !ringing && state == State.CALLING) {
        ringing = true;
        events.ringing(clock.instant());
      }
      if (ringTimedOut && state == State.CALLING) {
        cancelContact();
      }
      return;
    }
    if (code < 300) {
      contactAnswered(event.getDialog(), response, cseq);
      return;
    }
    contactRejected(response, event.getClientTransaction());
  }

  /** A final answer of 300 or more to the contact's INVITE (a challenge is answered once). */
  private void contactRejected(Response response, ClientTransaction challenged)
      throws SipException {
    int code = response.getStatusCode();
    if (challenged != contactInvite) {
      return; // why: an answer to an INVITE we already replaced (the one we authenticated)
    }
    if ((code == 401 || code == 407) && state == State.CALLING && mayAuthenticate()) {
      authTried = true;
      contactInvite = sip.answerChallenge(response, challenged);
      return;
    }
    if (state == State.CALLING || state == State.CANCELLING) {
      SipOutcomes.Ending ending = SipOutcomes.ofFinalResponse(code, state == State.CANCELLING);
      end(
          ending(
              ending, retryAfter(response), SipOutcomes.detail(code, response.getReasonPhrase())));
    }
  }

  private void contactAnswered(Dialog dialog, Response response, long cseq)
      throws SipException, InvalidArgumentException, ParseException {
    if (state == State.CALLING) {
      contactDialog = dialog;
      offer = SipEndpoint.body(response);
      answeredAt = clock.instant();
      events.answered(answeredAt);
      later(answeredAt.plus(request.maxDuration()), ThirdPartyCall::maxDuration);
      if (offer == null) {
        // why: an INVITE without an offer obliges the 200 to carry one (RFC 3261 13.2.1).
        contactAck = sip.ack(dialog, cseq, SdpAnswers.declineAll(null));
        sip.bye(dialog);
        end(result(CallOutcome.FAILED, "sip_no_offer", true, "200 OK without SDP"));
        return;
      }
      contactAckCseq = cseq;
      state = State.CONNECTING_AGENT;
      callAgent();
      return;
    }
    if (dialog != null && dialog == contactDialog) {
      if (contactAck != null) {
        sip.resendAck(dialog, contactAck); // the contact repeated its 200: our ACK was lost
      }
      return; // still connecting the agent: the ACK follows its answer
    }
    // why: a 200 that crossed our CANCEL, or a second dialog of a forked INVITE; it is not wanted.
    sip.ack(dialog, cseq, SdpAnswers.declineAll(SipEndpoint.body(response)));
    sip.bye(dialog);
    if (state == State.CANCELLING) {
      end(
          result(
              CallOutcome.NO_ANSWER,
              SipOutcomes.RING_TIMEOUT,
              true,
              "answered after CANCEL; hung up",
              null));
    }
  }

  private boolean mayAuthenticate() {
    return !authTried && request.route(CallRequest.SIP_USERNAME) != null;
  }

  @Override
  public UserCredentials credentials(String realm) {
    String user = request.route(CallRequest.SIP_USERNAME);
    String password = password();
    String domain = trunk == null ? realm : trunk.getHost();
    return new UserCredentials() {
      @Override
      public String getUserName() {
        return user;
      }

      @Override
      public String getPassword() {
        return password == null ? "" : password;
      }

      @Override
      public String getSipDomain() {
        return domain;
      }
    };
  }

  /** The number's password, opened only now that the trunk asks for it; null when it cannot be. */
  private String password() {
    try {
      return secrets.open(request.route(CallRequest.SIP_PASSWORD), NumberSecrets.SIP_PASSWORD);
    } catch (SecretCipher.UnreadableSecret e) {
      log.error(
          "Call {} cannot answer the trunk's challenge: {}", request.sessionId(), e.getMessage());
      return null;
    }
  }

  private synchronized void ringTimeout() {
    if (state != State.CALLING) {
      return;
    }
    ringTimedOut = true;
    if (provisional) {
      cancelContact();
    }
    // why no CANCEL without a provisional answer (RFC 3261 9.1): timer B ends the attempt.
  }

  private void cancelContact() {
    state = State.CANCELLING;
    try {
      sip.cancel(contactInvite);
    } catch (SipException e) {
      log.debug("CANCEL of {} failed: {}", request.sessionId(), e.toString());
      end(result(CallOutcome.NO_ANSWER, SipOutcomes.RING_TIMEOUT, true, "ring timeout", null));
      return;
    }
    // why: a trunk that never answers our CANCEL must not hold the call beyond timer B.
    later(clock.instant().plusMillis(64 * sip.t1Ms()), ThirdPartyCall::cancelGuard);
  }

  private synchronized void cancelGuard() {
    if (state == State.CANCELLING) {
      end(
          result(
              CallOutcome.NO_ANSWER, SipOutcomes.RING_TIMEOUT, true, "no answer to CANCEL", null));
    }
  }

  // --- the agent leg --------------------------------------------------------------------------

  private void callAgent() throws SipException, ParseException, InvalidArgumentException {
    String agentUri = request.route(CallRequest.AGENT_SIP_URI);
    SipURI agent;
    try {
      agent = sip.sipUri(agentUri == null ? "" : agentUri);
    } catch (ParseException e) {
      agentFailed("agent sipUri unusable: " + agentUri);
      return;
    }
    String transport = SipEndpoint.transportOf(agent);
    Request invite =
        sip.invite(
            agent,
            request.from(),
            sip.address(agent),
            transport,
            AgentHeaders.of(
                request.sessionId(),
                request.campaignId(),
                request.contactId(),
                request.agentId(),
                request.to(),
                request.variables()),
            offer);
    agentCallId = SipEndpoint.callId(invite);
    sip.bind(agentCallId, this, SipEndpoint.Leg.AGENT);
    try {
      agentInvite = sip.send(invite);
    } catch (SipException e) {
      agentFailed("agent not reachable: " + e.getMessage());
      return;
    }
    later(clock.instant().plusMillis(sip.agentAnswerMs()), ThirdPartyCall::agentTimeout);
  }

  private void agentResponse(ResponseEvent event, Response response, long cseq)
      throws SipException, InvalidArgumentException, ParseException {
    int code = response.getStatusCode();
    if (code < 200) {
      agentProvisional = true;
      return;
    }
    Dialog dialog = event.getDialog();
    if (code >= 300) {
      if (state == State.CONNECTING_AGENT) {
        agentFailed(SipOutcomes.detail(code, response.getReasonPhrase()));
      }
      return;
    }
    if (state == State.CONNECTING_AGENT && agentDialog == null) {
      agentDialog = dialog;
      agentAck = sip.ack(dialog, cseq, null);
      contactAck = sip.ack(contactDialog, contactAckCseq, SipEndpoint.body(response));
      state = State.CONNECTED;
      return;
    }
    if (dialog != null && dialog == agentDialog && agentAck != null) {
      sip.resendAck(dialog, agentAck);
      return;
    }
    // why: the agent answered after we gave up on it (or the call ended meanwhile).
    sip.ack(dialog, cseq, null);
    sip.bye(dialog);
  }

  private synchronized void agentTimeout() {
    if (state == State.CONNECTING_AGENT) {
      if (agentProvisional) {
        try {
          sip.cancel(agentInvite);
        } catch (SipException e) {
          log.debug("CANCEL to the agent of {} failed: {}", request.sessionId(), e.toString());
        }
      }
      agentFailed("agent did not answer within " + sip.agentAnswerMs() + " ms");
    }
  }

  /** The contact answered but the agent cannot take the call: hang up the contact at once. */
  private void agentFailed(String detail) {
    try {
      contactAck = sip.ack(contactDialog, contactAckCseq, SdpAnswers.declineAll(offer));
      sip.bye(contactDialog);
    } catch (SipException | InvalidArgumentException | ParseException e) {
      log.debug("Hanging up the contact of {} failed: {}", request.sessionId(), e.toString());
    }
    end(result(CallOutcome.FAILED, SipOutcomes.AGENT_UNAVAILABLE, true, detail));
  }

  // --- hang-ups and timers --------------------------------------------------------------------

  @Override
  public synchronized void onBye(SipEndpoint.Leg leg, Request bye) {
    if (leg == SipEndpoint.Leg.CONTACT) {
      switch (state) {
        case CONNECTED -> {
          byeQuietly(agentDialog);
          end(result(CallOutcome.COMPLETED, SipOutcomes.CALLEE_HANGUP, true, "BYE from callee"));
        }
        case CONNECTING_AGENT -> {
          // why: the agent's answer, if it still comes, is acknowledged and hung up (ENDED).
          if (agentProvisional) {
            cancelQuietly(agentInvite);
          }
          end(result(CallOutcome.COMPLETED, SipOutcomes.CALLEE_HANGUP, true, "BYE from callee"));
        }
        case CALLING, CANCELLING ->
            end(result(CallOutcome.NO_ANSWER, SipOutcomes.RING_TIMEOUT, true, "BYE", null));
        case ENDED -> {}
      }
      return;
    }
    if (state == State.CONNECTED) {
      byeQuietly(contactDialog);
      CallOutcome outcome = SipOutcomes.agentOutcome(SipEndpoint.header(bye, "X-Agni-Outcome"));
      String reason =
          SipOutcomes.agentReason(
              SipEndpoint.header(bye, "X-Agni-Reason"), SipOutcomes.AGENT_HANGUP);
      end(result(outcome, reason, true, "BYE from agent"));
    }
  }

  /**
   * The node is shutting down after its grace: a ringing contact is cancelled, a connected call
   * gets BYE on both legs, a contact answered while the agent was being connected is hung up. The
   * call then ends failed / node_lost, whatever the legs answer (see {@link #end}); the engine
   * settles it as such if that result does not arrive in time.
   */
  @Override
  public synchronized void hangUpForShutdown() {
    shuttingDown = true;
    switch (state) {
      case CALLING -> {
        if (provisional) {
          cancelContact();
        } else {
          end(result(CallOutcome.FAILED, "node_lost", true, "node shut down"));
        }
      }
      case CONNECTING_AGENT -> agentFailed("node shut down");
      case CONNECTED -> {
        hangUpBoth();
        end(result(CallOutcome.FAILED, "node_lost", true, "node shut down"));
      }
      default -> {
        // why: cancelling already, or ended; nothing is left to hang up.
      }
    }
  }

  private synchronized void maxDuration() {
    if (state == State.CONNECTED || state == State.CONNECTING_AGENT) {
      if (state == State.CONNECTING_AGENT) {
        agentFailed("max duration before the agent answered");
        return;
      }
      hangUpBoth();
      end(result(CallOutcome.COMPLETED, SipOutcomes.MAX_DURATION, true, "max duration"));
    }
  }

  @Override
  public synchronized void onTimeout(SipEndpoint.Leg leg, ClientTransaction transaction) {
    if (!Request.INVITE.equals(transaction.getRequest().getMethod())) {
      return;
    }
    if (leg == SipEndpoint.Leg.CONTACT && transaction == contactInvite) {
      if (state == State.CALLING || state == State.CANCELLING) {
        end(
            ending(
                SipOutcomes.unreachable(state == State.CANCELLING || ringTimedOut && provisional),
                null,
                "no answer to INVITE (timer B)"));
      }
    } else if (leg == SipEndpoint.Leg.AGENT && state == State.CONNECTING_AGENT) {
      agentFailed("no answer from the agent (timer B)");
    }
  }

  /**
   * Nothing a call does lasts longer than this; past it the call is ended whatever it waits for.
   */
  private Duration longestCall() {
    return request
        .ringTimeout()
        .plus(request.maxDuration())
        .plusMillis(sip.agentAnswerMs() + 128 * sip.t1Ms());
  }

  private synchronized void lastGuard() {
    if (state != State.ENDED) {
      log.warn("Call {} outlived every timer in state {}; ending it", request.sessionId(), state);
      hangUpBoth();
      end(result(CallOutcome.FAILED, "sip_timeout", true, "call outlived its timers"));
    }
  }

  private void hangUpBoth() {
    if (state == State.CONNECTED) {
      byeQuietly(contactDialog);
      byeQuietly(agentDialog);
    }
  }

  private void byeQuietly(Dialog dialog) {
    if (dialog == null) {
      return;
    }
    try {
      sip.bye(dialog);
    } catch (SipException e) {
      log.debug("BYE in call {} failed: {}", request.sessionId(), e.toString());
    }
  }

  private void cancelQuietly(ClientTransaction invite) {
    try {
      sip.cancel(invite);
    } catch (SipException e) {
      log.debug("CANCEL in call {} failed: {}", request.sessionId(), e.toString());
    }
  }

  // --- the result -----------------------------------------------------------------------------

  private CallResult result(CallOutcome outcome, String reason, boolean retryable, String detail) {
    return result(outcome, reason, retryable, detail, answeredAt);
  }

  private CallResult result(
      CallOutcome outcome, String reason, boolean retryable, String detail, Instant answered) {
    return new CallResult(outcome, reason, retryable, answered, clock.instant())
        .withProvider(contactCallId, truncate(detail));
  }

  private CallResult ending(SipOutcomes.Ending e, Duration retryAfter, String detail) {
    CallResult base =
        switch (e.disposition()) {
          case LINE_UNAVAILABLE ->
              CallResult.lineUnavailable(e.reason(), retryAfter, clock.instant());
          case LINE_AUTH_FAILED -> CallResult.lineAuthFailed(e.reason(), clock.instant());
          case ATTEMPT ->
              new CallResult(e.outcome(), e.reason(), e.retryable(), null, clock.instant());
        };
    return base.withProvider(contactCallId, truncate(detail));
  }

  /** The call could not even be sent: the line is unusable as configured. */
  private void endUnplaced(String detail) {
    end(
        CallResult.lineUnavailable(SipOutcomes.TRUNK_UNAVAILABLE, null, clock.instant())
            .withProvider(null, truncate(detail)));
  }

  /** Records the result once; later messages of the call only clean up. */
  private void end(CallResult outcome) {
    if (state == State.ENDED) {
      return;
    }
    state = State.ENDED;
    // why: whatever the legs answered to our shutdown hang-up (487 to the CANCEL, the agent leg
    // failing), the call ended because the node stopped: failed / node_lost, retried after the
    // gap, as the reaper would have settled it.
    result.complete(
        shuttingDown ? result(CallOutcome.FAILED, "node_lost", true, "node shut down") : outcome);
    // why linger: retransmissions and late answers must still find the call to be cleaned up.
    later(clock.instant().plusMillis(64 * sip.t1Ms()), ThirdPartyCall::forget);
  }

  private synchronized void forget() {
    sip.unbind(contactCallId);
    sip.unbind(agentCallId);
    // why: the call's long timers (the last guard) may keep this object for minutes; it no longer
    // needs its transactions, dialogs and bodies.
    contactInvite = null;
    contactDialog = null;
    contactAck = null;
    agentInvite = null;
    agentDialog = null;
    agentAck = null;
    offer = null;
  }

  /**
   * Runs a step of this call at {@code at}. why weakly: an ended call that nothing else holds must
   * not stay in memory until its last timer (minutes later) fires; while live, the endpoint's
   * Call-ID map holds it.
   */
  private void later(Instant at, java.util.function.Consumer<ThirdPartyCall> step) {
    WeakReference<ThirdPartyCall> call = new WeakReference<>(this);
    timer.schedule(
        at,
        () -> {
          ThirdPartyCall c = call.get();
          if (c != null) {
            step.accept(c);
          }
        });
  }

  private static Duration retryAfter(Response response) {
    RetryAfterHeader h = (RetryAfterHeader) response.getHeader(RetryAfterHeader.NAME);
    return h == null || h.getRetryAfter() <= 0 ? null : Duration.ofSeconds(h.getRetryAfter());
  }

  private static String truncate(String detail) {
    if (detail == null) {
      return null;
    }
    String clean = detail.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    return clean.length() > 200 ? clean.substring(0, 200) : clean;
  }
}
