-- wrk script: POST one award per request in a given format (ob2 or ob3), a new recipient each time.
--   wrk -t2 -c8 -d30s -s bench/wrk/award-format.lua http://127.0.0.1:9395 -- <api key> <badge class id> <ob2|ob3>
dofile("bench/wrk/result.lua")
local threads = 0
local key, badge, format, prefix
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread", threads)
end

function init(args)
  key, badge, format = args[1], args[2], args[3] or "ob2"
  prefix = string.format("w%d-%d-%d-", thread, os.time(), math.random(1000000000))
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/assertions",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
    '{"badgeClassId":"' .. badge .. '","format":"' .. format .. '","recipient":{"type":"email","identity":"'
      .. prefix .. counter .. '@example.org"}}')
end
