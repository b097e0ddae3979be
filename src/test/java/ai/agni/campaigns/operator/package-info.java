/**
 * The operator's view (docs/api.md §13) end to end: a small simulated campaign on the real dialer
 * thread, then its metrics scraped from {@code /actuator/prometheus}, the Grafana dashboard checked
 * against them, and its JSON log lines read back.
 */
package ai.agni.campaigns.operator;
