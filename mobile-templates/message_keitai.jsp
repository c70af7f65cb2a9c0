<html><head><title>ｹｰﾀｲSNS</title></head>
<body>
<c:out value="${message}"/><br>
<hr>
<a href="<c:url value='/'/>" accesskey="0">[0]ﾄｯﾌﾟへ</a>
</body></html>
