package ai.agni.campaigns.telephony.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the JAIN-SIP stack's own log to SLF4J (logger {@code gov.nist.javax.sip}). why: the stack
 * otherwise reaches for log4j 1.x, which is not on the class path.
 */
public final class SipStackLogger implements StackLogger {

  private static final Logger log = LoggerFactory.getLogger("gov.nist.javax.sip");

  @Override
  public void logStackTrace() {}

  @Override
  public void logStackTrace(int traceLevel) {}

  @Override
  public int getLineCount() {
    return 0;
  }

  @Override
  public void logException(Throwable ex) {
    log.warn("SIP stack exception", ex);
  }

  @Override
  public void logDebug(String message) {
    log.debug(message);
  }

  @Override
  public void logDebug(String message, Exception ex) {
    log.debug(message, ex);
  }

  @Override
  public void logTrace(String message) {
    log.trace(message);
  }

  @Override
  public void logFatalError(String message) {
    log.error(message);
  }

  @Override
  public void logError(String message) {
    log.error(message);
  }

  @Override
  public boolean isLoggingEnabled() {
    return log.isInfoEnabled();
  }

  @Override
  public boolean isLoggingEnabled(int level) {
    if (level <= TRACE_ERROR) {
      return log.isErrorEnabled();
    }
    if (level <= TRACE_WARN) {
      return log.isWarnEnabled();
    }
    if (level <= TRACE_INFO) {
      return log.isInfoEnabled();
    }
    if (level <= TRACE_DEBUG) {
      return log.isDebugEnabled();
    }
    return log.isTraceEnabled();
  }

  @Override
  public void logError(String message, Exception ex) {
    log.error(message, ex);
  }

  @Override
  public void logWarning(String message) {
    log.warn(message);
  }

  @Override
  public void logInfo(String message) {
    log.info(message);
  }

  @Override
  public void disableLogging() {}

  @Override
  public void enableLogging() {}

  @Override
  public void setBuildTimeStamp(String buildTimeStamp) {}

  @Override
  public void setStackProperties(Properties stackProperties) {}

  @Override
  public String getLoggerName() {
    return log.getName();
  }
}
