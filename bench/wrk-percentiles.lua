-- wrk: sends the API key and prints latency percentiles, p99.9 included, as one line.
local key = os.getenv("AGNI_KEY")
wrk.headers["X-Api-Key"] = key

done = function(summary, latency, requests)
  io.write(string.format(
    "WRK requests/s %.0f  p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
