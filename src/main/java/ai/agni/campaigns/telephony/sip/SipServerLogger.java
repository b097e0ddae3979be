package ai.agni.campaigns.telephony.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stack's message log, on SLF4J: every SIP message sent and received at TRACE on logger {@code
 * ai.agni.campaigns.sip.messages} (off by default; switch it on to see a call's ladder).
 */
public final class SipServerLogger implements ServerLogger {

  private static final Logger log = LoggerFactory.getLogger("ai.agni.campaigns.sip.messages");

  @Override
  public void closeLogFile() {}

  @Override
  public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
    trace(message, from, to, sender);
  }

  @Override
  public void logMessage(
      SIPMessage message, String from, String to, String status, boolean sender, long time) {
    trace(message, from, to, sender);
  }

  @Override
  public void logMessage(
      SIPMessage message, String from, String to, String status, boolean sender) {
    trace(message, from, to, sender);
  }

  private static void trace(SIPMessage message, String from, String to, boolean sender) {
    if (log.isTraceEnabled()) {
      log.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message.encode());
    }
  }

  @Override
  public void logException(Exception ex) {
    log.debug("SIP stack exception", ex);
  }

  @Override
  public void setStackProperties(Properties stackProperties) {}

  @Override
  public void setSipStack(SipStack sipStack) {}
}
