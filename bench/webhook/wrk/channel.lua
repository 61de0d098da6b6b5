-- wrk script: POSTs the pre-signed webhooks written by ChannelRequests.java ("header TAB value TAB
-- content type TAB body") in turn. Run wrk with one thread (-t1) so no request is sent twice in one pass.
local requests = {}
local next_index = 1

function init(args)
  for line in io.lines(args[1]) do
    local a = line:find("\t", 1, true)
    local b = line:find("\t", a + 1, true)
    local c = line:find("\t", b + 1, true)
    requests[#requests + 1] = wrk.format("POST", nil,
      {["Content-Type"] = line:sub(b + 1, c - 1), [line:sub(1, a - 1)] = line:sub(a + 1, b - 1)}, line:sub(c + 1))
  end
end

function request()
  local r = requests[next_index]
  next_index = next_index % #requests + 1
  return r
end
