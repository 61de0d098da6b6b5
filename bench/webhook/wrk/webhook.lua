-- wrk script: POSTs the pre-signed webhooks of requests.txt (written by SignedRequests.java) in turn,
-- starting over at the end. Run wrk with one thread (-t1) so no request is sent twice in one pass.
-- A second argument "once" stops after every request has been answered once (a flood of a fixed size;
-- up to one request per connection may go out a second time, which the inbox drops as a redelivery).
local requests = {}
local next_index = 1
local once = false
local answered = 0

function init(args)
  once = args[2] == "once"
  for line in io.lines(args[1] or "requests.txt") do
    local tab = line:find("\t", 1, true)
    requests[#requests + 1] = wrk.format("POST", nil,
      {["Content-Type"] = "application/json", ["X-Hub-Signature-256"] = line:sub(1, tab - 1)},
      line:sub(tab + 1))
  end
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end

function response(status, headers, body)
  answered = answered + 1
  if once and answered >= #requests then
    wrk.thread:stop()
  end
end
