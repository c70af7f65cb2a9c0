<html><head><title>ﾏｲﾐｸ</title></head>
<body>
<c:if test="${not empty notice}"><div data-result="ok"><c:out value="${notice}"/></div></c:if>
<c:if test="${not empty error}"><div data-result="refused"><c:out value="${error}"/></div></c:if>
<hr>
<a href="<c:url value='/friends'/>" accesskey="1">[1]ﾏｲﾐｸ一覧</a><br>
<a href="<c:url value='/home'/>" accesskey="0">[0]ﾎｰﾑ</a>
</body></html>
