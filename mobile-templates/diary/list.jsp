<p:page title="${list.ownerNickname}さんの日記">
<h1 data-owner-id="${list.ownerId}"><c:out value="${list.ownerNickname}"/>さんの日記<c:if test="${list.monthNumber > 0}">（<c:out value="${list.monthLabel}"/>）</c:if></h1>
<c:if test="${mine}"><p><a href="<c:url value='/diary/new'/>">日記を書く</a></p></c:if>
<p class="count">${list.totalCount}件</p>
<ul>
<c:forEach items="${list.entries}" var="e">
<li data-diary-id="${e.id}"><a href="<c:url value='/diary/${e.id}'/>"><c:out value="${e.title}"/></a>（${e.commentCount}） <span style="color:#666"><c:out value="${e.when}"/><c:if test="${mine}"> ・ <c:out value="${e.visibilityLabel}"/></c:if></span></li>
</c:forEach>
</ul>
<c:if test="${empty list.entries}"><p>見られる日記はありません。</p></c:if>
<p>
<c:if test="${list.pageNumber > 1}"><a href="<c:url value='/members/${list.ownerId}/diary'><c:param name='page' value='${list.pageNumber - 1}'/><c:if test='${list.monthNumber > 0}'><c:param name='month' value='${list.monthNumber}'/></c:if></c:url>">前へ</a></c:if>
${list.pageNumber}/${list.pageCount}
<c:if test="${list.pageNumber < list.pageCount}"><a href="<c:url value='/members/${list.ownerId}/diary'><c:param name='page' value='${list.pageNumber + 1}'/><c:if test='${list.monthNumber > 0}'><c:param name='month' value='${list.monthNumber}'/></c:if></c:url>">次へ</a></c:if>
</p>
<c:if test="${not empty list.months}">
<h2>月別</h2>
<ul>
<c:if test="${list.monthNumber > 0}"><li><a href="<c:url value='/members/${list.ownerId}/diary'/>">すべて</a></li></c:if>
<c:forEach items="${list.months}" var="m"><li><a href="<c:url value='/members/${list.ownerId}/diary?month=${m.monthNumber}'/>"><c:out value="${m.label}"/></a>（${m.count}）</li></c:forEach>
</ul>
</c:if>
<p><a href="<c:url value='/members/${list.ownerId}'/>">プロフィール</a> | <a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
