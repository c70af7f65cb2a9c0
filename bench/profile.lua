-- A profile view (leaves a footprint) by a random member of another random member, docomo, cookieless.
local tokens, ids = {}, {}
for line in io.lines("bench/out/sessions.txt") do
  local id, token = line:match("(%d+) (%S+)")
  ids[#ids + 1] = id
  tokens[#tokens + 1] = token
end
math.randomseed(os.time())
wrk.headers["User-Agent"] = "DoCoMo/2.0 P903i(c100;TB;W24H12)"
wrk.headers["X-Forwarded-For"] = "210.153.84.1"
request = function()
  return wrk.format("GET", "/members/" .. ids[math.random(#ids)] .. "?sid=" .. tokens[math.random(#tokens)])
end
