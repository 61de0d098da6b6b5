-- wrk script: location pings from the drivers whose bearer tokens are in tokens.txt (Drivers.java),
-- one driver after another, each ping a few metres from the last. Counts the answers by status: a
-- driver pinging more often than once a second is answered 429 by design, so with 200 drivers at
-- more than 200 pings per second most answers are refusals; both kinds are acknowledgements.
-- The counts are summed over all of wrk's threads.
local threads = {}
local tokens = {}
local next_index = 1
local sent = 0
statuses = {} -- global: each thread's own, collected by done() through thread:get

function setup(thread)
  threads[#threads + 1] = thread
end

function init(args)
  for line in io.lines(args[1] or "tokens.txt") do
    tokens[#tokens + 1] = line
  end
end

function request()
  local token = tokens[next_index]
  next_index = next_index % #tokens + 1
  sent = sent + 1
  local lat = 12.9756 + (next_index % 50) * 0.0004 + (sent % 97) * 0.000001
  local lng = 77.6050 + math.floor(next_index / 50) * 0.0004
  local body = string.format('{"lat":%.6f,"lng":%.6f,"accuracy":12}', lat, lng)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(totals) do
    parts[#parts + 1] = status .. "=" .. n .. string.format(" (%.0f/s)", n / (summary.duration / 1e6))
  end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, ", ") .. "\n")
end
