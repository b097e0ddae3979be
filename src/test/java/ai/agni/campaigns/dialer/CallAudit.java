package ai.agni.campaigns.dialer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.agni.campaigns.campaign.schedule.CallingWindow;
import ai.agni.campaigns.platform.Times;
import ai.agni.campaigns.testsupport.QueueRows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Checks a campaign's run from its {@code calls} rows alone: windows, concurrency, calls per
 * second, attempts and retry gaps, and that contactStats equal a recount from the calls.
 */
final class CallAudit {

  private static final Set<String> LIVE = Set.of("queued", "ringing", "in_progress");
  private static final Set<String> FINAL_FAILURES =
      Set.of("invalid_number", "dnc", "provider_unavailable");

  /** One call row. */
  record Call(
      UUID contactId,
      int attempt,
      String status,
      String reason,
      Instant startedAt,
      Instant endedAt) {}

  private final JdbcClient jdbc;

  CallAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Call> calls(String where, Object param) {
    return jdbc.sql(
            "SELECT contact_id, attempt, status, disconnect_reason, started_at, ended_at FROM calls"
                + " WHERE "
                + where
                + " ORDER BY started_at")
        .param(param)
        .query(
            (rs, n) ->
                new Call(
                    rs.getObject("contact_id", UUID.class),
                    rs.getInt("attempt"),
                    rs.getString("status"),
                    rs.getString("disconnect_reason"),
                    Times.instant(rs, "started_at"),
                    Times.instant(rs, "ended_at")))
        .list();
  }

  List<Call> campaignCalls(UUID campaignId) {
    return calls("campaign_id = ?", campaignId);
  }

  /** Runs every check on a campaign's calls against its settings as stored now. */
  void assertCampaign(UUID campaignId, int concurrencyCap, double cpsCap) {
    DialingRules rules = rules(campaignId);
    List<Call> calls = campaignCalls(campaignId);
    assertThat(calls).as("calls of the campaign").isNotEmpty();
    assertStartedInsideWindows(calls, rules);
    assertThat(peakConcurrency(calls)).as("peak concurrency").isLessThanOrEqualTo(concurrencyCap);
    assertThat(peakPerSecond(calls))
        .as("starts in any one second")
        .isLessThanOrEqualTo((int) Math.ceil(cpsCap));
    assertAttemptsAndGaps(calls, rules);
    assertThat(contactStats(campaignId))
        .as("contactStats vs recount from calls")
        .isEqualTo(recount(campaignId, calls, rules));
    assertCountersExact(campaignId);
  }

  /** The queue's counters (what the API serves) equal a recount of its rows. */
  void assertCountersExact(UUID campaignId) {
    assertThat(QueueRows.counters(jdbc, campaignId))
        .as("counters of the queue head vs a recount of the queue")
        .isEqualTo(QueueRows.recount(jdbc, campaignId));
  }

  void assertStartedInsideWindows(List<Call> calls, DialingRules rules) {
    for (Call call : calls) {
      if (call.startedAt() != null) {
        assertThat(CallingWindow.isOpen(rules.window(), rules.zone(), call.startedAt()))
            .as("call started at %s is inside the window", call.startedAt())
            .isTrue();
      }
    }
  }

  /** The most calls live at one instant; a call is live over [started, ended). */
  static int peakConcurrency(List<Call> calls) {
    TreeMap<Instant, Integer> delta = new TreeMap<>();
    for (Call c : calls) {
      if (c.startedAt() == null) {
        continue;
      }
      delta.merge(c.startedAt(), 1, Integer::sum);
      if (c.endedAt() != null) {
        delta.merge(c.endedAt(), -1, Integer::sum);
      }
    }
    int live = 0;
    int peak = 0;
    for (int d : delta.values()) {
      live += d;
      peak = Math.max(peak, live);
    }
    return peak;
  }

  /** The most calls started within any half-open one-second interval. */
  static int peakPerSecond(List<Call> calls) {
    List<Instant> starts =
        calls.stream().map(Call::startedAt).filter(s -> s != null).sorted().toList();
    int peak = 0;
    int from = 0;
    for (int to = 0; to < starts.size(); to++) {
      while (!starts.get(from).plusSeconds(1).isAfter(starts.get(to))) {
        from++;
      }
      peak = Math.max(peak, to - from + 1);
    }
    return peak;
  }

  void assertAttemptsAndGaps(List<Call> calls, DialingRules rules) {
    Map<UUID, List<Call>> byContact = byContact(calls);
    Duration gap = Duration.ofMinutes(rules.retryGapMin());
    byContact.forEach(
        (contact, list) -> {
          assertThat(list.size())
              .as("attempts of %s", contact)
              .isLessThanOrEqualTo(1 + rules.retryAttempts());
          for (int i = 0; i < list.size(); i++) {
            Call call = list.get(i);
            assertThat(call.attempt()).as("attempt numbers of %s", contact).isEqualTo(i + 1);
            if (i > 0) {
              Call previous = list.get(i - 1);
              assertThat(previous.status())
                  .as("retry after success of %s", contact)
                  .isNotEqualTo("completed");
              assertThat(call.startedAt())
                  .as("retry of %s no sooner than the gap after %s", contact, previous.endedAt())
                  .isAfterOrEqualTo(previous.endedAt().plus(gap));
            }
          }
        });
  }

  Map<String, Integer> contactStats(UUID campaignId) {
    Map<String, Integer> stats = new TreeMap<>();
    jdbc.sql(
            "SELECT state, COUNT(*) AS n FROM campaign_contacts WHERE campaign_id = ? GROUP BY state")
        .param(campaignId)
        .query(
            rs -> {
              stats.put(rs.getString("state"), rs.getInt("n"));
            });
    return stats;
  }

  /** The state each contact must be in, derived from its calls alone (dnc from its queue row). */
  Map<String, Integer> recount(UUID campaignId, List<Call> calls, DialingRules rules) {
    Map<UUID, List<Call>> byContact = byContact(calls);
    List<UUID> contacts =
        jdbc.sql(
                "SELECT contact_id FROM campaign_contacts WHERE campaign_id = ? AND (last_reason IS NULL OR last_reason <> 'dnc')")
            .param(campaignId)
            .query(UUID.class)
            .list();
    Map<String, Integer> stats = new TreeMap<>();
    int notDnc = contacts.size();
    for (UUID contact : contacts) {
      stats.merge(
          expectedState(byContact.getOrDefault(contact, List.of()), rules), 1, Integer::sum);
    }
    int total =
        jdbc.sql("SELECT COUNT(*) FROM campaign_contacts WHERE campaign_id = ?")
            .param(campaignId)
            .query(Integer.class)
            .single();
    if (total > notDnc) {
      stats.merge("failed", total - notDnc, Integer::sum);
    }
    return stats;
  }

  private static String expectedState(List<Call> calls, DialingRules rules) {
    if (calls.isEmpty()) {
      return "pending";
    }
    Call last = calls.get(calls.size() - 1);
    if (LIVE.contains(last.status())) {
      return "in_progress";
    }
    if (last.status().equals("completed")) {
      return "successful";
    }
    boolean finalFailure = last.status().equals("failed") && FINAL_FAILURES.contains(last.reason());
    if (finalFailure) {
      return "failed";
    }
    if (calls.size() < 1 + rules.retryAttempts()) {
      return "pending";
    }
    return last.status().equals("failed") ? "failed" : "no_answer";
  }

  private static Map<UUID, List<Call>> byContact(List<Call> calls) {
    Map<UUID, List<Call>> out = new HashMap<>();
    for (Call c : calls) {
      out.computeIfAbsent(c.contactId(), k -> new ArrayList<>()).add(c);
    }
    out.values().forEach(list -> list.sort(Comparator.comparingInt(Call::attempt)));
    return out;
  }

  DialingRules rules(UUID campaignId) {
    return jdbc.sql(
            """
            SELECT c.schedule_start, c.schedule_end, c.window_start, c.window_end, c.window_days,
                   c.timezone, c.retry_attempts, c.retry_gap_min, c.window_timezone,
                   c.blackout_dates, c.retry_policy, o.calling_hours_start, o.calling_hours_end
            FROM campaigns c JOIN organizations o ON o.id = c.organization_id WHERE c.id = ?
            """)
        .param(campaignId)
        .query((rs, n) -> EngineCampaignRepository.rules(rs))
        .single();
  }
}
