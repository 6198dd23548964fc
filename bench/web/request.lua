-- wrk script of the web benchmark: one signed-in request (cookie or bearer header from the environment),
-- or, with BENCH_POOL set, POSTs of reports through "taskId period bearer" lines, each line once (run with -t1; run.py
-- writes more lines than a run can use; should a run use them all, it stops sending rather than repeat a pair).
local auth = os.getenv("BENCH_AUTH")
if auth and auth ~= "" then
  local name, value = auth:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
end
wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") or "text/html,application/json"
-- What browsers and .NET's HttpClient (with automatic decompression) send; run.py --identity sends "identity".
wrk.headers["Accept-Encoding"] = os.getenv("BENCH_ENCODING") or "gzip, deflate, br"

local pool, next_item = nil, 1
local pool_file = os.getenv("BENCH_POOL")
if pool_file and pool_file ~= "" then
  pool = {}
  for line in io.lines(pool_file) do
    local id, period, bearer = line:match("^(%d+)%s+(%S+)%s+(%S+)$")
    if id then pool[#pool + 1] = { id, period, bearer } end
  end
  wrk.headers["Content-Type"] = "application/json"
end

request = function()
  if not pool then return wrk.format(nil, nil) end
  local item = pool[next_item]
  if not item then return wrk.format("GET", "/pool-used-up") end -- counted as an error (404), never a repeated report
  next_item = next_item + 1
  local body = string.format('{"period":"%s","progress":50,"text":"压测填报：按计划推进"}', item[2])
  local headers = {}
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Authorization"] = "Bearer " .. item[3] -- the reporter of the pair's unit
  return wrk.format("POST", "/api/v1/tasks/" .. item[1] .. "/reports", headers, body)
end

local bad = {}
response = function(status, headers, body)
  if status >= 300 then
    bad[status] = (bad[status] or 0) + 1
    if pool and bad[status] == 1 then io.stderr:write("BENCH first " .. status .. ": " .. string.sub(body or "", 1, 200) .. "\n") end
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH p50=%.2f p95=%.2f p99=%.2f rps=%.1f requests=%d errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
