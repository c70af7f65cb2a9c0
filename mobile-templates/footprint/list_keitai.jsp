<%-- /footprints for feature phones --%>
<k:page title="あしあと">
<div>あしあと</div>
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<hr />
<c:choose>
<c:when test="${stealth}">忍び足中です｡あしあとは残りませんが､ほかの人のあしあとも見られません｡<br /></c:when>
<c:otherwise>
<k:split>
<c:if test="${empty visits}">(まだありません)<br /></c:if>
<c:forEach items="${visits}" var="v"><c:out value="${v.time}"/> <a href="<c:url value='/members/${v.visitorId}'/>" data-visitor-id="${v.visitorId}"><c:out value="${v.nickname}"/></a><br /></c:forEach>
</k:split>
<c:if test="${page > 1}"><k:link href="/footprints?page=${page - 1}" key="4">前へ</k:link>&#32;</c:if><c:if test="${hasNext}"><k:link href="/footprints?page=${page + 1}" key="6">次へ</k:link></c:if>
<hr />
<c:forEach items="${days}" var="d" end="2"><c:out value="${d.day}"/>:${d.visitCount}件 </c:forEach><br />
</c:otherwise>
</c:choose>
<form method="post" action="<c:url value='/footprints/stealth'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<c:choose>
<c:when test="${stealth}"><input type="hidden" name="stealth" value="off" /><input type="submit" value="忍び足をやめる" /></c:when>
<c:otherwise><input type="hidden" name="stealth" value="on" /><input type="submit" value="忍び足にする" /></c:otherwise>
</c:choose>
</form>
忍び足中は自分のあしあとも見えません｡<br />
<hr />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
