<k:page title="日記">
<div data-owner-id="${list.ownerId}"><c:out value="${list.ownerNickname}"/>さんの日記<c:if test="${list.monthNumber > 0}">(<c:out value="${list.monthLabel}"/>)</c:if></div>
<c:if test="${mine}"><k:link href="/diary/new" key="1">日記を書く</k:link><br /></c:if>
<hr />
<k:split>
<c:forEach items="${list.entries}" var="e">
<span data-diary-id="${e.id}"><c:out value="${e.shortWhen}"/></span> <a href="<c:url value='/diary/${e.id}'/>"><c:out value="${e.title}"/></a>(${e.commentCount})<br />
</c:forEach>
<c:if test="${empty list.entries}">見られる日記はありません｡<br /></c:if>
</k:split>
${list.totalCount}件 ${list.pageNumber}/${list.pageCount}<br />
<c:if test="${list.pageNumber > 1}"><a href="<c:url value='/members/${list.ownerId}/diary'><c:param name='page' value='${list.pageNumber - 1}'/><c:if test='${list.monthNumber > 0}'><c:param name='month' value='${list.monthNumber}'/></c:if></c:url>" accesskey="4">前へ</a>&#32;</c:if>
<c:if test="${list.pageNumber < list.pageCount}"><a href="<c:url value='/members/${list.ownerId}/diary'><c:param name='page' value='${list.pageNumber + 1}'/><c:if test='${list.monthNumber > 0}'><c:param name='month' value='${list.monthNumber}'/></c:if></c:url>" accesskey="6">次へ</a></c:if>
<hr />
<c:forEach items="${list.months}" var="m"><a href="<c:url value='/members/${list.ownerId}/diary?month=${m.monthNumber}'/>"><c:out value="${m.label}"/></a>(${m.count}) </c:forEach>
<hr />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
