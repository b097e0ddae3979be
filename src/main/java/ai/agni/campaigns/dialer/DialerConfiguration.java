package ai.agni.campaigns.dialer;

import ai.agni.campaigns.calling.SingleCallQueued;
import ai.agni.campaigns.calling.SingleCallRepository;
import ai.agni.campaigns.calllog.CallRecordRepository;
import ai.agni.campaigns.campaign.CampaignWorkChanged;
import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.queue.QueueRepository;
import ai.agni.campaigns.telephony.CallReports;
import ai.agni.campaigns.telephony.CallResult;
import ai.agni.campaigns.telephony.TelephonyRouter;
import ai.agni.campaigns.webhook.WebhookOutbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the engine in one place: its steps from the stores, the steppable core, and, only when
 * {@code agni.dialer.enabled} is true, the thread that runs it. Campaign work and queued single
 * calls wake it after their transaction commits.
 */
@Configuration(proxyBeanMethods = false)
class DialerConfiguration {

  /** The stores and transactions the steps are built from (wiring only; no step sees it whole). */
  record Stores(
      TransactionTemplate tx,
      EngineCampaignRepository campaigns,
      QueueRepository queue,
      LiveCallRepository liveCalls,
      CallRecordRepository callRecords,
      SingleCallRepository singleCalls,
      ThrottleBucketRepository buckets,
      EngineNodeRepository nodes,
      DoNotCallFilter dnc,
      LineBackoffRepository backoffs,
      DialRateRepository dialRates,
      DialerMetrics metrics,
      WebhookOutbox outbox) {}

  @Bean
  Stores engineStores(
      TransactionTemplate tx,
      EngineCampaignRepository campaigns,
      QueueRepository queue,
      LiveCallRepository liveCalls,
      CallRecordRepository callRecords,
      SingleCallRepository singleCalls,
      ThrottleBucketRepository buckets,
      EngineNodeRepository nodes,
      DoNotCallFilter dnc,
      LineBackoffRepository backoffs,
      DialRateRepository dialRates,
      DialerMetrics metrics,
      WebhookOutbox outbox) {
    return new Stores(
        tx,
        campaigns,
        queue,
        liveCalls,
        callRecords,
        singleCalls,
        buckets,
        nodes,
        dnc,
        backoffs,
        dialRates,
        metrics,
        outbox);
  }

  @Bean
  DialerEngine dialerEngine(
      Stores stores,
      Clock clock,
      TaskTimer timer,
      TelephonyRouter router,
      DialerSettings settings,
      Environment env,
      MeterRegistry registry) {
    DialerSettings node =
        settings.withDefaultNodeId(
            env.getProperty("agni.dialer.node-id"), env.getProperty("server.port"));
    DialerEngine engine = engine(stores, clock, timer, router, node, writerThread(node.nodeId()));
    Gauge.builder("agni.outcomes.unwritten", engine, DialerEngine::unwrittenOutcomes)
        .description("Call outcomes kept in memory until the database answers")
        .register(registry);
    Gauge.builder("agni.database.reachable", engine, e -> e.database().isDown() ? 0 : 1)
        .description("1 while this node's engine reaches the database, 0 during an outage")
        .register(registry);
    return engine;
  }

  /** One engine node: its steps on this clock, timer and carrier (tests build extra nodes). */
  static DialerEngine engine(
      Stores s,
      Clock clock,
      TaskTimer timer,
      TelephonyRouter router,
      DialerSettings settings,
      Executor writes) {
    EngineSignal signal = new EngineSignal();
    CompleteFinishedCampaigns completion =
        new CompleteFinishedCampaigns(s.tx(), s.campaigns(), s.queue(), s.outbox());
    AttemptOperations operations =
        new AttemptOperations(
            s.tx(),
            s.liveCalls(),
            s.callRecords(),
            s.queue(),
            s.singleCalls(),
            s.backoffs(),
            s.campaigns(),
            s.dialRates(),
            s.metrics(),
            s.outbox(),
            clock);
    OutcomeRecorder recorder =
        new OutcomeRecorder(operations, s.campaigns(), s.metrics(), clock, writes, timer, signal);
    DialerEngine.Steps steps =
        new DialerEngine.Steps(
            new PlanDueWork(
                s.campaigns(), s.queue(), completion, s.singleCalls(), settings.batchSize()),
            new ClaimCapacity(
                s.tx(),
                s.buckets(),
                s.liveCalls(),
                s.queue(),
                s.dnc(),
                s.singleCalls(),
                settings,
                new CalleeGuard.Factory(s.liveCalls(), s.callRecords(), s.queue())),
            new DispatchClaimedAttempts(
                timer, clock, router, operations, recorder, signal, settings.nodeId(), writes),
            new ReapStaleAttempts(s.liveCalls(), s.nodes(), recorder, operations, clock, settings),
            new SettleReportedCalls(s.liveCalls(), s.callRecords(), recorder),
            recorder,
            s.nodes(),
            s.liveCalls(),
            s.queue());
    return new DialerEngine(steps, clock, settings, signal);
  }

  /**
   * The node's writer of outcomes: one daemon thread, so carriers' threads never wait on the
   * database and outcomes that end together share a transaction.
   */
  static Executor writerThread(String nodeId) {
    return Executors.newSingleThreadExecutor(
        task -> {
          Thread thread = new Thread(task, "agni-outcomes-" + nodeId);
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean
  @ConditionalOnProperty(name = "agni.dialer.enabled", havingValue = "true")
  DialerLoop dialerLoop(DialerEngine engine, Clock clock, DialerSettings settings) {
    return new DialerLoop(engine, clock, settings);
  }

  @Bean
  CallReports callReports(DialerEngine engine) {
    return new CallReports() {
      @Override
      public boolean isLive(UUID sessionId) {
        return engine.reports().isLive(sessionId);
      }

      @Override
      public void answered(UUID sessionId, Instant at) {
        engine.reports().answered(sessionId, at);
      }

      @Override
      public boolean finished(UUID sessionId, CallResult result) {
        return engine.reports().finished(sessionId, result);
      }
    };
  }

  @Bean
  WakeOnNewWork wakeOnNewWork(DialerEngine engine) {
    return new WakeOnNewWork(engine);
  }

  /** Wakes the engine after a change commits (waking without work is harmless). */
  static final class WakeOnNewWork {
    private final DialerEngine engine;

    WakeOnNewWork(DialerEngine engine) {
      this.engine = engine;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(CampaignWorkChanged event) {
      engine.wake();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SingleCallQueued event) {
      engine.wake();
    }
  }
}
