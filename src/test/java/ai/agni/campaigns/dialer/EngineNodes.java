package ai.agni.campaigns.dialer;

import ai.agni.campaigns.platform.TaskTimer;
import ai.agni.campaigns.telephony.TelephonyPort;
import ai.agni.campaigns.telephony.TelephonyRouter;
import ai.agni.campaigns.telephony.simulated.SimulatedCarrier;
import ai.agni.campaigns.telephony.simulated.SimulatedProperties;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Builds extra engine nodes for tests, wired exactly as the application wires its own ({@link
 * DialerConfiguration#engine}), on a clock, timer and carrier of the test's choosing: {@code
 * nodes.on(clock, timer).simulated(props).horizon(STEP).build()}.
 */
final class EngineNodes {

  private final DialerConfiguration.Stores stores;
  private final DialerSettings base;
  private Clock clock;
  private TaskTimer timer;
  private TelephonyPort carrier;
  private Duration grace;
  private String nodeId = "node-" + UUID.randomUUID();
  private Duration horizon;
  private Duration pollInterval;
  private Executor writes = Runnable::run;

  EngineNodes(DialerConfiguration.Stores stores, DialerSettings base) {
    this.stores = stores;
    this.base = base;
    this.horizon = base.claimHorizon();
    this.pollInterval = base.pollInterval();
  }

  EngineNodes on(Clock onClock, TaskTimer onTimer) {
    this.clock = onClock;
    this.timer = onTimer;
    return this;
  }

  EngineNodes simulated(SimulatedProperties properties) {
    this.carrier = new SimulatedCarrier(properties, clock, timer);
    return this;
  }

  EngineNodes carrier(TelephonyPort port) {
    this.carrier = port;
    return this;
  }

  /** Outcomes written on a thread of their own, as in production (default: on the caller's). */
  EngineNodes writerThread() {
    this.writes = DialerConfiguration.writerThread(nodeId);
    return this;
  }

  EngineNodes node(String id) {
    this.nodeId = id;
    return this;
  }

  EngineNodes horizon(Duration claimHorizon) {
    this.horizon = claimHorizon;
    return this;
  }

  EngineNodes shutdownGrace(Duration grace) {
    this.grace = grace;
    return this;
  }

  EngineNodes pollInterval(Duration interval) {
    this.pollInterval = interval;
    return this;
  }

  DialerSettings settings() {
    return new DialerSettings(
        true,
        nodeId,
        pollInterval,
        horizon,
        base.heartbeatInterval(),
        base.nodeTimeout(),
        grace == null ? base.shutdownGrace() : grace,
        base.batchSize());
  }

  DialerEngine build() {
    TelephonyRouter router = new TelephonyRouter(List.of(carrier), clock);
    return DialerConfiguration.engine(stores, clock, timer, router, settings(), writes);
  }

  /** The engine on its own thread, as the application runs it. */
  DialerLoop loop() {
    return new DialerLoop(build(), clock, settings());
  }
}
