package ai.agni.campaigns.faults;

import ai.agni.campaigns.testsupport.RealPeers;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The gate of the fault suite, {@code AGNI_TEST_FAULTS}: unset runs it when its tools exist ({@link
 * FaultTools}) and skips it with a notice otherwise; {@code required} makes missing tools a failure
 * (the same rule as the other real-peer suites, see {@link RealPeers}); {@code off} skips it.
 */
public final class FaultsGate implements ExecutionCondition {

  static final String SUITE = "faults";
  private static final AtomicBoolean OFF_NOTICED = new AtomicBoolean();

  static boolean off() {
    String value = System.getenv("AGNI_TEST_FAULTS");
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("off");
  }

  static boolean required() {
    return RealPeers.required(SUITE);
  }

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (off()) {
      String notice = "faults suite skipped: AGNI_TEST_FAULTS=off";
      if (OFF_NOTICED.compareAndSet(false, true)) {
        System.out.println("[agni] " + notice);
      }
      return ConditionEvaluationResult.disabled(notice);
    }
    FaultTools tools = FaultTools.find();
    return RealPeers.condition(
        SUITE, tools.missing().isEmpty(), String.join("; ", tools.missing()));
  }
}
