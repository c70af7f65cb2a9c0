-- Voice posts from docomo keitai forms: Shift_JIS form bodies, session id in the URL, the session's CSRF token
-- (bench/Generate.java sets it to "csrf<id>").
local members = {}
for line in io.lines("bench/out/sessions.txt") do
  local id, token = line:match("(%d+) (%S+)")
  members[#members + 1] = {id, token}
end
math.randomseed(os.time())
-- "無事です" (I am safe) in Shift_JIS, percent-encoded
local body = "%96%B3%8E%96%82%C5%82%B7"
local n = 0
wrk.method = "POST"
wrk.headers["User-Agent"] = "DoCoMo/2.0 P903i(c100;TB;W24H12)"
wrk.headers["X-Forwarded-For"] = "210.153.84.1"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
request = function()
  local m = members[math.random(#members)]
  n = n + 1
  local form = "body=" .. body .. n .. "&key=bench" .. math.random(1e9) .. "&_csrf=csrf" .. m[1]
  return wrk.format("POST", "/voice?sid=" .. m[2], nil, form)
end
