-- wrk script: POST one award per request (single award, a new recipient each time).
--   wrk -t2 -c16 -d30s -s bench/wrk/award.lua http://127.0.0.1:9380 -- <api key> <badge class id>
dofile("bench/wrk/result.lua")
local threads = 0
local key, badge, prefix
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread", threads)
end

function init(args)
  key, badge = args[1], args[2]
  prefix = string.format("w%d-%d-%d-", thread, os.time(), math.random(1000000000))
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/assertions",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
    '{"badgeClassId":"' .. badge .. '","recipient":{"type":"email","identity":"' .. prefix .. counter
      .. '@example.org"}}')
end
