-- wrk script for ops/bench/audit.sh: audit searches of one agency, rotating over the query strings in BENCH_QUERIES
-- (one per line, each a path with its query), with BENCH_TOKEN.
local queries = {}
local auth = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")
local n = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_QUERIES")) do
    if #line > 0 then queries[#queries + 1] = line end
  end
end

function request()
  n = n + 1
  return wrk.format("GET", queries[(n % #queries) + 1], { ["Authorization"] = auth })
end
