-- wrk script: POST the same body (a file) with a content type to one path, and print one parseable line.
--   wrk -t2 -c50 -d20s -s bench/wrk/post.lua http://127.0.0.1:8081 -- /api/v1/verify body.json application/json
dofile("bench/wrk/result.lua")
local request_bytes

function init(args)
  local file = assert(io.open(args[2], "rb"))
  local body = file:read("*a")
  file:close()
  request_bytes = wrk.format("POST", args[1], {["Content-Type"] = args[3]}, body)
end

function request()
  return request_bytes
end
