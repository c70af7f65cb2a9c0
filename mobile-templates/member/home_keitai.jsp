<html><head><title>ﾎｰﾑ</title></head>
<body>
<c:out value="${me.nickname}"/>さんのﾎｰﾑ<br>
<hr>
<form method="post" action="<c:url value='/logout'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="ﾛｸﾞｱｳﾄ">
</form>
</body></html>
