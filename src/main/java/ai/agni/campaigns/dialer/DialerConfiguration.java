package ai.agni.campaigns.dialer;

import ai.agni.campaigns.campaign.CampaignWorkChanged;
import ai.agni.campaigns.platform.SqlDialect;
import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.TelephonyRouter;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the engine: its parts, the steppable core, and, only when {@code agni.dialer.enabled} is
 * true, the threads that run it. Campaign work events wake it after their transaction commits.
 */
@Configuration(proxyBeanMethods = false)
class DialerConfiguration {

  @Bean
  EngineParts.Store engineStore(
      EngineCampaignRepository campaigns,
      EngineCallRepository calls,
      ThrottleBucketRepository buckets,
      EngineNodeRepository nodes,
      DoNotCallFilter dnc,
      AdHocCallRepository adHoc,
      SqlDialect dialect,
      JdbcClient jdbc,
      JdbcTemplate template,
      TransactionTemplate tx) {
    ContactClaimer claimer = EngineParts.Store.claimerFor(dialect, jdbc, template);
    return new EngineParts.Store(campaigns, calls, buckets, nodes, claimer, dnc, adHoc, tx, jdbc);
  }

  @Bean
  EngineParts engineParts(
      Clock clock,
      TaskTimer timer,
      TelephonyRouter router,
      EngineParts.Store store,
      OutcomeRecorder recorder,
      DialerMetrics metrics) {
    return new EngineParts(clock, timer, router, store, recorder, metrics);
  }

  @Bean
  DialerEngine dialerEngine(EngineParts parts, DialerSettings settings, Environment env) {
    DialerSettings node =
        settings.withDefaultNodeId(
            env.getProperty("agni.dialer.node-id"), env.getProperty("server.port"));
    return new DialerEngine(parts, node);
  }

  @Bean
  @ConditionalOnProperty(name = "agni.dialer.enabled", havingValue = "true")
  DialerLoop dialerLoop(DialerEngine engine, EngineParts parts, DialerSettings settings) {
    return new DialerLoop(engine, parts.clock(), settings);
  }

  @Bean
  WakeOnCampaignWork wakeOnCampaignWork(DialerEngine engine) {
    return new WakeOnCampaignWork(engine);
  }

  /** Wakes the engine after a campaign change commits (waking without work is harmless). */
  static final class WakeOnCampaignWork {
    private final DialerEngine engine;

    WakeOnCampaignWork(DialerEngine engine) {
      this.engine = engine;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CampaignWorkChanged event) {
      engine.wake();
    }
  }
}
