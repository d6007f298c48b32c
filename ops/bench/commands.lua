-- wrk script for ops/bench/commands.sh: every request is a command of a random benchmark client, sent with the
-- access token of that client's agency. BENCH_CLIENTS names a file of "token clientId" lines; BENCH_MODE is
-- "update" (PATCH the client's notes) or "create" (POST a new client in that agency).
local clients = {}
local mode = os.getenv("BENCH_MODE") or "update"
local counter = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_CLIENTS")) do
    local token, id = line:match("^(%S+) (%S+)")
    if token then clients[#clients + 1] = { "Bearer " .. token, id } end
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  counter = math.random(1000000000)
end

function request()
  local c = clients[math.random(#clients)]
  counter = counter + 1
  local headers = { ["Authorization"] = c[1], ["Content-Type"] = "application/json" }
  if mode == "create" then
    return wrk.format("POST", "/api/clients", headers, '{"name":"Bench client ' .. counter .. '"}')
  end
  return wrk.format("PATCH", "/api/clients/" .. c[2], headers, '{"notes":"bench note ' .. counter .. '"}')
end
