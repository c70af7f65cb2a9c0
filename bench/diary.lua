-- A diary with comments, read as a friend of a friend (友人の友人まで公開), on a cookieless docomo handset.
-- Pairs come from bench/out/fof-diaries.txt (bench/Generate.java). The requests are built once, when each thread starts
-- (as in home.lua); each request is still a random pair's.
wrk.headers["User-Agent"] = "DoCoMo/2.0 P903i(c100;TB;W24H12)"
wrk.headers["X-Forwarded-For"] = "210.153.84.1"
local requests = {}
-- in init: the Host header is known only then
function init(args)
  for line in io.lines("bench/out/fof-diaries.txt") do
    local token, id = line:match("(%S+) (%d+)")
    requests[#requests + 1] = wrk.format("GET", "/diary/" .. id .. "?sid=" .. token)
  end
  math.randomseed(os.time())
end
request = function()
  return requests[math.random(#requests)]
end
