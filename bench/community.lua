-- A community topic page read as a member of its community, on a cookieless docomo handset (issue 23). Half the
-- requests read the 1,000-comment topic of the 100,000-member community (its last page of comments), the rest a random
-- topic of another community. Triples come from bench/out/community-topics.txt (bench/Generate.java).
wrk.headers["User-Agent"] = "DoCoMo/2.0 P903i(c100;TB;W24H12)"
wrk.headers["X-Forwarded-For"] = "210.153.84.1"
local requests = {}
function init(args)
  for line in io.lines("bench/out/community-topics.txt") do
    local token, cid, tid = line:match("(%S+) (%d+) (%d+)")
    requests[#requests + 1] = wrk.format("GET", "/communities/" .. cid .. "/topics/" .. tid .. "?sid=" .. token)
  end
  math.randomseed(os.time())
end
request = function()
  return requests[math.random(#requests)]
end
