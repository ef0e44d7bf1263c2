-- wrk script: GET a random line of the paths file given after "--", and print one parseable line.
--   wrk -t2 -c100 -d20s -s bench/wrk/paths.lua http://127.0.0.1:8081 -- paths.txt
dofile("bench/wrk/result.lua")
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  counter = math.random(#paths)
end

function request()
  -- a fixed stride through the (already Zipf-drawn) lines: no per-request RNG cost in the client
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
