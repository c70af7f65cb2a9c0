<k:page title="ﾏｲﾐｸ申請">
ﾏｲﾐｸ申請<br />
<hr />
<c:if test="${empty incoming}">届いている申請はありません｡<br /></c:if>
<c:forEach items="${incoming}" var="r">
<a href="<c:url value='/members/${r.fromId}'/>"><c:out value="${r.nickname}"/></a>さんから<br />
<c:if test="${not empty r.message}"><c:out value="${r.message}"/><br /></c:if>
<form method="post" action="<c:url value='/friends/requests/${r.id}/approve'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="承認" /></form>
<form method="post" action="<c:url value='/friends/requests/${r.id}/reject'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="お断り" /></form>
<hr />
</c:forEach>
<c:if test="${not empty outgoing}">承認待ち:<br /><c:forEach items="${outgoing}" var="r"><c:out value="${r.nickname}"/>さん<br /></c:forEach><hr /></c:if>
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
