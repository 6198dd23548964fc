-- wrk script of the web benchmark: one signed-in request (cookie or bearer header from the environment),
-- or, with BENCH_POOL set, POSTs of reports cycling through "taskId period" lines (each pair once; run with -t1).
local auth = os.getenv("BENCH_AUTH")
if auth and auth ~= "" then
  local name, value = auth:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") or "text/html,application/json"

local pool, next_item = nil, 1
local pool_file = os.getenv("BENCH_POOL")
if pool_file and pool_file ~= "" then
  pool = {}
  for line in io.lines(pool_file) do
    local id, period = line:match("^(%d+)%s+(%S+)$")
    if id then pool[#pool + 1] = { id, period } end
  end
  wrk.headers["Content-Type"] = "application/json"
end

request = function()
  if not pool then return wrk.format(nil, nil) end
  local item = pool[next_item]
  next_item = next_item + 1
  if next_item > #pool then next_item = 1 end
  local body = string.format('{"period":"%s","progress":50,"text":"压测填报：按计划推进"}', item[2])
  return wrk.format("POST", "/api/v1/tasks/" .. item[1] .. "/reports", nil, body)
end

local bad = 0
response = function(status, headers, body)
  if status >= 300 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH p50=%.2f p95=%.2f p99=%.2f rps=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
