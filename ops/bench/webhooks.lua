-- Signed provider events from $BENCH_WEBHOOKS ("signature<TAB>body" a line), each thread its own share, each sent once
-- per pass; posted to the gateway's webhook endpoint.
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
  table.insert(threads, thread)
end

function init(args)
  local total = tonumber(os.getenv("BENCH_WRK_THREADS"))
  events = {}
  local n = 0
  for line in io.lines(os.getenv("BENCH_WEBHOOKS")) do
    n = n + 1
    if n % total == id - 1 then
      local tab = line:find("\t", 1, true)
      table.insert(events, { sig = line:sub(1, tab - 1), body = line:sub(tab + 1) })
    end
  end
  next_event = 1
end

function request()
  local e = events[next_event]
  next_event = next_event % #events + 1
  return wrk.format("POST", "/api/webhooks/payments/stripe",
    { ["Content-Type"] = "application/json", ["Stripe-Signature"] = e.sig }, e.body)
end
