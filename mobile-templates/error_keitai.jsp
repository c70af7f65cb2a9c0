<html><head><title>ｴﾗｰ</title></head>
<body>
<c:out value="${message}"/><br>
<a href="<c:url value='/'/>" accesskey="0">[0]ﾄｯﾌﾟへ</a>
</body></html>
