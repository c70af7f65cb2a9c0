<html><head><title>ﾌﾞﾛｯｸ</title></head>
<body>
ﾌﾞﾛｯｸ中<br>
<hr>
<c:if test="${empty blocked}">いません｡<br></c:if>
<c:forEach items="${blocked}" var="b">
<form method="post" action="<c:url value='/blocks/${b.id}/remove'/>"><c:out value="${b.nickname}"/><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="解除"></form>
</c:forEach>
<hr>
<a href="<c:url value='/home'/>" accesskey="0">[0]ﾎｰﾑ</a>
</body></html>
