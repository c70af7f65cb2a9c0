<k:page title="ﾌﾞﾛｯｸ">
ﾌﾞﾛｯｸ中<br />
<hr />
<c:if test="${empty blocked}">いません｡<br /></c:if>
<c:forEach items="${blocked}" var="b">
<form method="post" action="<c:url value='/blocks/${b.id}/remove'/>"><c:out value="${b.nickname}"/><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="解除" /></form>
</c:forEach>
<hr />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
