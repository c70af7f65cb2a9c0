-- docomo home page for random members: cookieless FOMA handsets behind the docomo gateway, session id in the URL.
-- Tokens come from bench/out/sessions.txt (written by bench/Generate.java).
local tokens = {}
for line in io.lines("bench/out/sessions.txt") do
  local _, token = line:match("(%d+) (%S+)")
  tokens[#tokens + 1] = token
end
math.randomseed(os.time())
wrk.headers["User-Agent"] = "DoCoMo/2.0 P903i(c100;TB;W24H12)"
wrk.headers["X-Forwarded-For"] = "210.153.84.1"
request = function()
  return wrk.format("GET", wrk.path .. "?sid=" .. tokens[math.random(#tokens)])
end
