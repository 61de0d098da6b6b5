-- wrk script: POSTs the pre-signed webhooks of requests.txt (written by SignedRequests.java) in turn,
-- starting over at the end. Run wrk with one thread (-t1) so no request is sent twice in one pass.
local requests = {}
local next_index = 1

function init(args)
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
