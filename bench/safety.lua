-- 安否確認 answers from docomo keitai: 「無事です」 with a short Shift_JIS message, session id in the URL, the session's
-- CSRF token (bench/Generate.java sets it to "csrf<id>"). Random members, so most answers are first answers (an insert)
-- and some are repeats (the message changes). Runs while bench/home.lua reads the home page (bench/run.sh "safety").
local members = {}
for line in io.lines("bench/out/sessions.txt") do
  local id, token = line:match("(%d+) (%S+)")
  members[#members + 1] = {id, token}
end
math.randomseed(os.time())
-- "家にいます" in Shift_JIS, percent-encoded
local message = "%89%C6%82%C9%82%A2%82%DC%82%B7"
wrk.method = "POST"
wrk.headers["User-Agent"] = "DoCoMo/2.0 P903i(c100;TB;W24H12)"
wrk.headers["X-Forwarded-For"] = "210.153.84.1"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
request = function()
  local m = members[math.random(#members)]
  return wrk.format("POST", "/safety?sid=" .. m[2], nil, "from=home&message=" .. message .. "&_csrf=csrf" .. m[1])
end
