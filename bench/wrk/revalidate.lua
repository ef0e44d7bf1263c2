-- wrk script: revalidate cached copies. The file given after "--" has one "path etag" per line (the
-- path's current ETag); each request sends it as If-None-Match, so every answer should be a 304.
--   wrk -t2 -c100 -d20s -s bench/wrk/revalidate.lua http://127.0.0.1:8081 -- etags.txt
dofile("bench/wrk/result.lua")
local requests = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, etag = line:match("^(%S+)%s+(.+)$")
    requests[#requests + 1] = wrk.format("GET", path, { ["If-None-Match"] = etag })
  end
  counter = math.random(#requests)
end

function request()
  counter = counter % #requests + 1
  return requests[counter]
end

local not_modified = 0
function response(status, headers, body)
  if status == 304 then not_modified = not_modified + 1 end
end
