<%-- Friends' latest diaries on the keitai home. No accesskeys here: the home page owns 1-9. --%>
<div style="background:#ffcc99">ﾏｲﾐｸ最新日記</div>
<c:forEach items="${section.entries}" var="e"><span data-diary-id="${e.id}"><c:out value="${e.shortWhen}"/></span> <a href="<c:url value='/diary/${e.id}'/>"><c:out value="${e.title}"/></a>(<c:out value="${e.authorNickname}"/>)<br /></c:forEach>
<c:if test="${empty section.entries}">まだありません｡<br /></c:if>
<a href="<c:url value='/diary/new'/>">日記を書く</a> <a href="<c:url value='/members/${section.memberId}/diary'/>">自分の日記</a><br />
