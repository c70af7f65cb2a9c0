-- A diary with comments, read as a friend of a friend (友人の友人まで公開), on a cookieless docomo handset.
-- Pairs come from bench/out/fof-diaries.txt (bench/Generate.java).
local pairs = {}
for line in io.lines("bench/out/fof-diaries.txt") do
  local token, id = line:match("(%S+) (%d+)")
  pairs[#pairs + 1] = {token, id}
end
math.randomseed(os.time())
wrk.headers["User-Agent"] = "DoCoMo/2.0 P903i(c100;TB;W24H12)"
wrk.headers["X-Forwarded-For"] = "210.153.84.1"
request = function()
  local p = pairs[math.random(#pairs)]
  return wrk.format("GET", "/diary/" .. p[2] .. "?sid=" .. p[1])
end
