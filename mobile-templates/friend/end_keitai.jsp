<html><head><title>ﾏｲﾐｸ解除</title></head>
<body>
<c:out value="${target.nickname}"/>さんとのﾏｲﾐｸを解除します｡紹介文も消えます｡<br>
<form method="post" action="<c:url value='/friends/${target.id}/end'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="解除する">
</form>
<hr>
<a href="<c:url value='/home'/>" accesskey="0">[0]ﾎｰﾑ</a>
</body></html>
