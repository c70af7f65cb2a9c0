-- docomo home page for random members: cookieless FOMA handsets behind the docomo gateway, session id in the URL.
-- Tokens come from bench/out/sessions.txt (written by bench/Generate.java). The requests are built once, when the
-- thread starts (wrk.format per request cost the shared CPU about 8 µs a request, a twentieth of the page's own cost);
-- each request is still a random member's.
wrk.headers["User-Agent"] = "DoCoMo/2.0 P903i(c100;TB;W24H12)"
wrk.headers["X-Forwarded-For"] = "210.153.84.1"
local requests = {}
-- in init: the Host header is known only then
function init(args)
  for line in io.lines("bench/out/sessions.txt") do
    local _, token = line:match("(%d+) (%S+)")
    requests[#requests + 1] = wrk.format("GET", wrk.path .. "?sid=" .. token)
  end
  math.randomseed(os.time())
end
request = function()
  return requests[math.random(#requests)]
end
