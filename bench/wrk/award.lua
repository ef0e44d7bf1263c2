-- wrk script: POST one award per request (single award, a new recipient each time), optionally in a
-- given format (ob2 or ob3; without it the body has no "format" and the service's default applies).
--   wrk -t2 -c16 -d30s -s bench/wrk/award.lua http://127.0.0.1:9380 -- <api key> <badge class id> [ob2|ob3]
dofile("bench/wrk/result.lua")
local threads = 0
local key, badge, format, prefix
local counter = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread", threads)
end

function init(args)
  key, badge = args[1], args[2]
  format = args[3] and ('"format":"' .. args[3] .. '",') or ""
  prefix = string.format("w%d-%d-%d-", thread, os.time(), math.random(1000000000))
end

function request()
  counter = counter + 1
  return wrk.format("POST", "/api/v1/assertions",
    { ["Authorization"] = "Bearer " .. key, ["Content-Type"] = "application/json" },
    '{"badgeClassId":"' .. badge .. '",' .. format .. '"recipient":{"type":"email","identity":"' .. prefix
      .. counter .. '@example.org"}}')
end
