-- wrk script: member searches cycling through bench/queries.txt, 20 results per page (what
-- the UI asks for). Usage: wrk -s bench/search.lua ... (QUERIES env: path to the file).
local queries = {}
local path = os.getenv("QUERIES") or "bench/queries.txt"
for line in io.lines(path) do
  if #line > 0 then
    local encoded = line:gsub("([^%w%-%.%_%~])", function(c) return string.format("%%%02X", string.byte(c)) end)
    table.insert(queries, "/api/v1/members?page_size=20&q=" .. encoded)
  end
end
local counter = 0
-- COOKIE env: the session cookie ("chibo_session=...") of the user the requests run as.
local cookie = os.getenv("COOKIE")
if cookie and #cookie > 0 then wrk.headers["Cookie"] = cookie end

init = function(args)
  -- Each thread starts at a different point of the list.
  counter = math.random(#queries)
end

request = function()
  counter = counter % #queries + 1
  return wrk.format("GET", queries[counter])
end

done = function(summary, latency, requests)
  io.write(string.format("REPORT requests=%d errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f rps=%.0f\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests / (summary.duration / 1e6)))
end
