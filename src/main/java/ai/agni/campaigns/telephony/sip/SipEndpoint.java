package ai.agni.campaigns.telephony.sip;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.InvalidArgumentException;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.TimeoutEvent;
import javax.sip.Transaction;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Message;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one SIP stack, shared by all its calls: UDP and TCP listening points on {@code
 * agni.sip.bind}, started on the first call (a node that never dials SIP binds no port). It builds
 * and sends the controller's requests and hands every message to the call it belongs to, found by
 * Call-ID; requests of no call are answered here (481, OPTIONS 200, inbound INVITE 603).
 */
final class SipEndpoint implements SipListener, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);
  private static final String USER_AGENT = "Agni-Campaigns";

  /** Which leg of a call a message belongs to. */
  enum Leg {
    CONTACT,
    AGENT
  }

  /** A call's view of the endpoint's callbacks, by leg. */
  interface CallHandler {
    void onResponse(Leg leg, ResponseEvent event);

    void onTimeout(Leg leg, ClientTransaction transaction);

    void onBye(Leg leg, Request bye);

    /** The credentials for a digest challenge on the contact leg, or null. */
    UserCredentials credentials(String realm);

    /** The node is shutting down: end both legs now. */
    void hangUpForShutdown();
  }

  private record Bound(CallHandler call, Leg leg) {}

  private final SipProperties properties;
  private final String stackName;
  private final Map<String, Bound> byCallId = new ConcurrentHashMap<>();
  private SipStack stack;
  private SipProvider provider;
  private AddressFactory addresses;
  private HeaderFactory headers;
  private MessageFactory messages;
  private AuthenticationHelper auth;
  private String publicHost;
  private int publicPort;

  SipEndpoint(SipProperties properties, String stackName) {
    this.properties = properties;
    this.stackName = stackName;
  }

  /** Starts the stack once; later calls return at once. Throws when the port cannot be bound. */
  synchronized void start() throws SipException {
    if (provider != null) {
      return;
    }
    SipProperties.HostPort bind = properties.bindAddress();
    int port = bind.port() < 0 ? 5060 : bind.port();
    Properties p = new Properties();
    p.setProperty("javax.sip.STACK_NAME", stackName);
    p.setProperty("gov.nist.javax.sip.STACK_LOGGER", SipStackLogger.class.getName());
    p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", SipServerLogger.class.getName());
    // why: listener callbacks of different calls run in parallel; each call locks itself.
    p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
    p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "16");
    p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
    p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "false");
    // why: the stack would otherwise reach for log4j before reading the properties.
    CommonLogger.legacyLogger = new SipStackLogger();
    SipFactory factory = SipFactory.getInstance();
    factory.setPathName("gov.nist");
    try {
      SipStack created = factory.createSipStack(p);
      ListeningPoint udp = created.createListeningPoint(bind.host(), port, ListeningPoint.UDP);
      ListeningPoint tcp = created.createListeningPoint(bind.host(), port, ListeningPoint.TCP);
      SipProvider sip = created.createSipProvider(udp);
      sip.addListeningPoint(tcp);
      sip.addSipListener(this);
      addresses = factory.createAddressFactory();
      headers = factory.createHeaderFactory();
      messages = factory.createMessageFactory();
      auth = ((SipStackExt) created).getAuthenticationHelper(new Accounts(), headers);
      created.start();
      stack = created;
      provider = sip;
    } catch (javax.sip.PeerUnavailableException
        | javax.sip.TransportNotSupportedException
        | javax.sip.ObjectInUseException
        | InvalidArgumentException e) {
      throw new SipException("cannot start the SIP stack on " + properties.bind(), e);
    } catch (java.util.TooManyListenersException e) {
      throw new SipException("cannot listen on the SIP stack", e);
    }
    SipProperties.HostPort advertised =
        properties.publicAddress().isEmpty()
            ? null
            : SipProperties.HostPort.parse(properties.publicAddress(), "agni.sip.public-address");
    publicHost = advertised != null ? advertised.host() : advertisedHost(bind.host());
    publicPort = advertised != null && advertised.port() > 0 ? advertised.port() : port;
    log.info(
        "SIP stack listening on {}:{} (udp, tcp), advertising {}:{}",
        bind.host(),
        port,
        publicHost,
        publicPort);
  }

  @Override
  public synchronized void close() {
    if (stack != null) {
      stack.stop();
      stack = null;
      provider = null;
    }
  }

  /** Shutdown: every call still held ends its legs (each once, whichever leg it is bound by). */
  void hangUpAll() {
    byCallId.values().stream()
        .map(Bound::call)
        .distinct()
        .forEach(
            call -> {
              try {
                call.hangUpForShutdown();
              } catch (RuntimeException e) {
                log.debug("Hanging up at shutdown failed: {}", e.toString());
              }
            });
  }

  void bind(String callId, CallHandler call, Leg leg) {
    byCallId.put(callId, new Bound(call, leg));
  }

  void unbind(String callId) {
    if (callId != null) {
      byCallId.remove(callId);
    }
  }

  /** How many calls hold state here (a leak check for tests). */
  int boundCallIds() {
    return byCallId.size();
  }

  long t1Ms() {
    return properties.t1Ms();
  }

  long agentAnswerMs() {
    return properties.agentAnswerMs();
  }

  // --- building and sending -------------------------------------------------------------------

  /** The URI as a SIP URI; throws ParseException for anything else (tel:, garbage). */
  SipURI sipUri(String uri) throws ParseException {
    URI parsed = addresses.createURI(uri.trim());
    if (!(parsed instanceof SipURI sip)) {
      throw new ParseException("not a sip: URI: " + uri, 0);
    }
    return sip;
  }

  /** The transport a URI asks for: udp (default), tcp; tls for sips: or transport=tls. */
  static String transportOf(SipURI uri) {
    String t = uri.getTransportParam();
    if (uri.isSecure()) {
      return "tls";
    }
    return t == null ? ListeningPoint.UDP.toLowerCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT);
  }

  /**
   * A new INVITE out of dialog: {@code target} is the Request-URI, From is {@code callerNumber} at
   * our address, and the body (if any) an SDP offer.
   */
  Request invite(
      SipURI target,
      String callerNumber,
      Address to,
      String transport,
      List<AgentHeaders.Header> extra,
      String sdp)
      throws ParseException, InvalidArgumentException {
    CallIdHeader callId = provider.getNewCallId();
    SipURI fromUri = addresses.createSipURI(callerNumber, publicHost);
    FromHeader from =
        headers.createFromHeader(addresses.createAddress(fromUri), Long.toHexString(randomTag()));
    ToHeader toHeader = headers.createToHeader(to, null);
    ViaHeader via = headers.createViaHeader(publicHost, publicPort, transport, null);
    List<ViaHeader> vias = new ArrayList<>(List.of(via));
    Request request =
        messages.createRequest(
            target,
            Request.INVITE,
            callId,
            headers.createCSeqHeader(1L, Request.INVITE),
            from,
            toHeader,
            vias,
            headers.createMaxForwardsHeader(70));
    SipURI contactUri = addresses.createSipURI("agni", publicHost);
    contactUri.setPort(publicPort);
    contactUri.setTransportParam(transport);
    ContactHeader contact = headers.createContactHeader(addresses.createAddress(contactUri));
    request.addHeader(contact);
    for (String method : List.of("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS")) {
      request.addHeader(headers.createAllowHeader(method));
    }
    request.addHeader(headers.createUserAgentHeader(List.of(USER_AGENT)));
    for (AgentHeaders.Header h : extra) {
      request.addHeader(headers.createHeader(h.name(), h.value()));
    }
    if (sdp != null) {
      request.setContent(sdp.getBytes(StandardCharsets.UTF_8), sdpType());
    }
    return request;
  }

  /** The address of a To header for a URI. */
  Address address(SipURI uri) {
    return addresses.createAddress(uri);
  }

  /** A SIP URI of {@code user} at the host, port and transport of {@code server}. */
  SipURI userAt(String user, SipURI server) throws ParseException {
    SipURI uri = addresses.createSipURI(user, server.getHost());
    if (server.getPort() > 0) {
      uri.setPort(server.getPort());
    }
    String transport = server.getTransportParam();
    if (transport != null) {
      uri.setTransportParam(transport);
    }
    return uri;
  }

  /** Sends a request in a new client transaction with this stack's T1. */
  ClientTransaction send(Request request) throws SipException {
    ClientTransaction tx = provider.getNewClientTransaction(request);
    tx.setRetransmitTimer(properties.t1Ms().intValue());
    tx.sendRequest();
    return tx;
  }

  /** Sends CANCEL for an INVITE that has had a provisional answer. */
  void cancel(ClientTransaction invite) throws SipException {
    send(invite.createCancel());
  }

  /** Acknowledges a 2xx in its dialog, with an SDP answer as body when given. */
  Request ack(Dialog dialog, long cseq, String sdp)
      throws SipException, InvalidArgumentException, ParseException {
    Request ack = dialog.createAck(cseq);
    if (sdp != null) {
      ack.setContent(sdp.getBytes(StandardCharsets.UTF_8), sdpType());
    }
    dialog.sendAck(ack);
    return ack;
  }

  /** Sends the same ACK again (the far end repeated its 2xx). */
  void resendAck(Dialog dialog, Request ack) throws SipException {
    dialog.sendAck(ack);
  }

  /** Hangs up a confirmed dialog. */
  void bye(Dialog dialog) throws SipException {
    Request bye = dialog.createRequest(Request.BYE);
    ClientTransaction tx = provider.getNewClientTransaction(bye);
    tx.setRetransmitTimer(properties.t1Ms().intValue());
    dialog.sendRequest(tx);
  }

  /** Answers a digest challenge on the contact leg; the new INVITE transaction, already sent. */
  ClientTransaction answerChallenge(Response challenge, ClientTransaction challenged)
      throws SipException {
    ClientTransaction retry = auth.handleChallenge(challenge, challenged, provider, 5, true);
    retry.setRetransmitTimer(properties.t1Ms().intValue());
    retry.sendRequest();
    return retry;
  }

  static String body(Message message) {
    byte[] raw = message.getRawContent();
    return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
  }

  static String header(Message message, String name) {
    javax.sip.header.Header h = message.getHeader(name);
    if (h instanceof javax.sip.header.ExtensionHeader ext) {
      return ext.getValue();
    }
    if (h == null) {
      return null;
    }
    String text = h.toString();
    int colon = text.indexOf(':');
    return colon < 0 ? text.trim() : text.substring(colon + 1).trim();
  }

  /** The last answer a client transaction received (also one the stack failed to report). */
  static Response lastResponse(ClientTransaction tx) {
    return tx instanceof gov.nist.javax.sip.stack.SIPTransactionImpl impl
        ? impl.getLastResponse()
        : null;
  }

  static String callId(Message message) {
    CallIdHeader id = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
    return id == null ? null : id.getCallId();
  }

  private ContentTypeHeader sdpType() throws ParseException {
    return headers.createContentTypeHeader("application", "sdp");
  }

  private static long randomTag() {
    return java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
  }

  // --- the listener ---------------------------------------------------------------------------

  @Override
  public void processRequest(RequestEvent event) {
    Request request = event.getRequest();
    String method = request.getMethod();
    if (Request.ACK.equals(method) || Request.CANCEL.equals(method)) {
      return; // why: ACKs need no answer; the stack answers CANCEL of unknown requests itself
    }
    Bound bound = byCallId.get(callId(request));
    try {
      ServerTransaction tx = event.getServerTransaction();
      if (tx == null) {
        tx = provider.getNewServerTransaction(request);
      }
      if (Request.BYE.equals(method) && bound != null) {
        tx.sendResponse(messages.createResponse(Response.OK, request));
        bound.call().onBye(bound.leg(), request);
      } else if (Request.OPTIONS.equals(method)) {
        tx.sendResponse(messages.createResponse(Response.OK, request));
      } else if (Request.INVITE.equals(method) && event.getDialog() == null) {
        tx.sendResponse(messages.createResponse(Response.DECLINE, request));
      } else if (Request.BYE.equals(method)) {
        tx.sendResponse(
            messages.createResponse(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, request));
      } else {
        tx.sendResponse(messages.createResponse(Response.NOT_IMPLEMENTED, request));
      }
    } catch (SipException | ParseException | InvalidArgumentException e) {
      log.debug("Could not answer {} {}: {}", method, callId(request), e.toString());
    }
  }

  @Override
  public void processResponse(ResponseEvent event) {
    Bound bound = byCallId.get(callId(event.getResponse()));
    if (bound != null) {
      bound.call().onResponse(bound.leg(), event);
    }
  }

  @Override
  public void processTimeout(TimeoutEvent event) {
    Transaction tx = event.isServerTransaction() ? null : event.getClientTransaction();
    if (tx == null) {
      return;
    }
    Bound bound = byCallId.get(callId(tx.getRequest()));
    if (bound != null) {
      bound.call().onTimeout(bound.leg(), (ClientTransaction) tx);
    }
  }

  @Override
  public void processIOException(IOExceptionEvent event) {
    log.debug(
        "SIP I/O error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
  }

  @Override
  public void processTransactionTerminated(TransactionTerminatedEvent event) {}

  @Override
  public void processDialogTerminated(DialogTerminatedEvent event) {}

  private final class Accounts implements AccountManager {
    @Override
    public UserCredentials getCredentials(ClientTransaction challenged, String realm) {
      Bound bound = byCallId.get(callId(challenged.getRequest()));
      return bound == null ? null : bound.call().credentials(realm);
    }
  }

  /** This host's address for Via and Contact when bound to every interface. */
  private static String advertisedHost(String bindHost) {
    if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::") && !bindHost.equals("[::]")) {
      return bindHost;
    }
    try {
      for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!nic.isUp() || nic.isLoopback()) {
          continue;
        }
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return a.getHostAddress();
          }
        }
      }
    } catch (SocketException e) {
      log.warn("Cannot list network interfaces; advertising 127.0.0.1", e);
    }
    return "127.0.0.1";
  }
}
