<k:page title="ﾏｲﾐｸ">
ﾏｲﾐｸ(<c:out value="${count}"/>人)<br />
<hr />
<c:if test="${empty friends}">まだﾏｲﾐｸがいません｡<br /></c:if>
<c:forEach items="${friends}" var="f">
<a href="<c:url value='/members/${f.id}'/>"><c:out value="${f.nickname}"/></a><br />
</c:forEach>
<c:if test="${page > 1}"><k:link href="/friends?page=${page - 1}" key="4">前へ</k:link>&#32;</c:if><c:if test="${hasNext}"><k:link href="/friends?page=${page + 1}" key="6">次へ</k:link></c:if>
<hr />
<k:link href="/friends/requests" key="1">ﾏｲﾐｸ申請</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
