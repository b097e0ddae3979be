package ai.agni.campaigns.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wakes this node's deliverers when outbox rows commit here (other nodes find them by polling). */
final class WebhookSignal {

  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  void onWake(Runnable listener) {
    listeners.add(listener);
  }

  void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  void wake() {
    listeners.forEach(Runnable::run);
  }
}
