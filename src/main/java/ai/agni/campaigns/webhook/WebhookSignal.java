package ai.agni.campaigns.webhook;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Wakes this node's deliverers when outbox rows commit here, naming the scopes (campaigns, or
 * organizations for single calls) written; an empty collection means "look at everything" (other
 * nodes find rows by polling).
 */
final class WebhookSignal {

  private final List<Consumer<Collection<UUID>>> listeners = new CopyOnWriteArrayList<>();

  void onWake(Consumer<Collection<UUID>> listener) {
    listeners.add(listener);
  }

  void removeListener(Consumer<Collection<UUID>> listener) {
    listeners.remove(listener);
  }

  void wake(Collection<UUID> scopes) {
    listeners.forEach(l -> l.accept(scopes));
  }
}
