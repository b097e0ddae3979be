package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.SqlDialect;
import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.TelephonyRouter;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The collaborators every engine instance shares, grouped so constructors stay small. Tests swap
 * the clock, the timer and the carrier with {@link #with}.
 */
record EngineParts(
    Clock clock,
    TaskTimer timer,
    TelephonyRouter router,
    Store store,
    OutcomeRecorder recorder,
    DialerMetrics metrics) {

  /** The database side: repositories, the dialect's claimer, and transactions. */
  record Store(
      EngineCampaignRepository campaigns,
      EngineCallRepository calls,
      ThrottleBucketRepository buckets,
      EngineNodeRepository nodes,
      ContactClaimer claimer,
      DoNotCallFilter dnc,
      AdHocCallRepository adHoc,
      TransactionTemplate tx,
      JdbcClient jdbc) {

    static ContactClaimer claimerFor(SqlDialect dialect, JdbcClient jdbc, JdbcTemplate template) {
      return dialect.supportsSkipLocked()
          ? new SkipLockedContactClaimer(jdbc)
          : new GuardedUpdateContactClaimer(jdbc, template);
    }
  }

  EngineParts with(Clock otherClock, TaskTimer otherTimer, TelephonyRouter otherRouter) {
    return new EngineParts(otherClock, otherTimer, otherRouter, store, recorder, metrics);
  }

  EngineCampaignRepository campaigns() {
    return store.campaigns();
  }

  EngineCallRepository calls() {
    return store.calls();
  }

  AttemptOperations operations() {
    return recorder.operations();
  }
}
