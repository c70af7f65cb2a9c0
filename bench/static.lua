-- The ceiling: a static JSP in the same server, no database, no session, docomo User-Agent.
wrk.headers["User-Agent"] = "DoCoMo/2.0 P903i(c100;TB;W24H12)"
