<html><head><title>ﾎｰﾑ</title></head>
<body>
<div data-member-id="${me.id}"><c:out value="${me.nickname}"/>さんのﾎｰﾑ</div>
<hr>
<c:forEach items="${sections}" var="part">
<c:set var="section" value="${part.data}" scope="request"/>
<jsp:include page="${part.path}"/>
</c:forEach>
<hr>
<a href="<c:url value='/members/${me.id}'/>">ﾌﾟﾛﾌｨｰﾙ</a><br>
<a href="<c:url value='/settings'/>">設定</a><br>
<form method="post" action="<c:url value='/logout'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="ﾛｸﾞｱｳﾄ">
</form>
</body></html>
