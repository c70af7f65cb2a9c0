<html><head><title>ﾏｲﾐｸ申請</title></head>
<body>
<c:out value="${target.nickname}"/>さんにﾏｲﾐｸ申請<br>
<form method="post" action="<c:url value='/friends/requests'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="member_id" value="${target.id}">
ﾒｯｾｰｼﾞ(任意)<br><textarea name="message" rows="3" cols="20"></textarea><br>
<input type="submit" value="申請する">
</form>
<hr>
<a href="<c:url value='/home'/>" accesskey="0">[0]ﾎｰﾑ</a>
</body></html>
