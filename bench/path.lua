-- wrk script: one fixed request (PATHS env: "|"-separated paths, cycled), with a REPORT line.
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "/", "[^|]+") do table.insert(paths, p) end
local counter = 0
-- COOKIE env: the session cookie ("chibo_session=...") of the user the requests run as.
local cookie = os.getenv("COOKIE")
if cookie and #cookie > 0 then wrk.headers["Cookie"] = cookie end
request = function()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
done = function(summary, latency, requests)
  io.write(string.format("REPORT requests=%d errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.0f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
