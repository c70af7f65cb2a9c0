<%-- mixiGraph for feature phones: no picture, the mutual friends and friends of friends as text, split to the budget --%>
<k:page title="mixiｸﾞﾗﾌ">
<div><c:out value="${owner.nickname}"/>さんのmixiｸﾞﾗﾌ</div>
ﾏｲﾐｸ${graph.friendCount}人/友人の友人${graph.secondCount}人
<hr />
<k:split>
<c:choose><c:when test="${self}">[ﾏｲﾐｸ]</c:when><c:otherwise>[共通のﾏｲﾐｸ]</c:otherwise></c:choose><br />
<c:if test="${empty graph.mutual}">(いません)<br /></c:if>
<c:forEach items="${graph.mutual}" var="p"><a href="<c:url value='/members/${p.id}'/>"><c:out value="${p.nickname}"/></a><br /></c:forEach>
<hr />
[知り合いかも?]<br />
<c:if test="${empty graph.mayKnow}">(いません)<br /></c:if>
<c:forEach items="${graph.mayKnow}" var="p"><a href="<c:url value='/members/${p.id}'/>"><c:out value="${p.nickname}"/></a>(共通${p.commonCount}人)<br /></c:forEach>
</k:split>
<hr />
<k:link href="/members/${owner.id}" key="1">ﾌﾟﾛﾌｨｰﾙ</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
