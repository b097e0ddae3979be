package ai.agni.campaigns.api;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One token bucket (Bucket4j) per subject (an API key, a client address), all with the same
 * bandwidth, kept in a map of at most {@code maxTracked} subjects that forgets the least recently
 * used one first. why bounded: the subjects come from the network, and a flood of distinct ones
 * must not grow memory; a forgotten subject starts again with a full bucket.
 */
final class RateLimiter {

  private final Bandwidth bandwidth;
  private final TimeMeter time;
  private final Map<String, Bucket> buckets;

  RateLimiter(Bandwidth bandwidth, TimeMeter time, int maxTracked) {
    this.bandwidth = bandwidth;
    this.time = time;
    this.buckets =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > maxTracked;
          }
        };
  }

  /** Takes one token from the subject's bucket; empty if there was one, else how long to wait. */
  Optional<Duration> tryAcquire(String subject) {
    ConsumptionProbe probe = bucketOf(subject).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? Optional.empty()
        : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  /** How many subjects are remembered now. */
  int tracked() {
    synchronized (buckets) {
      return buckets.size();
    }
  }

  private Bucket bucketOf(String subject) {
    synchronized (buckets) {
      return buckets.computeIfAbsent(
          subject, s -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(time).build());
    }
  }
}
