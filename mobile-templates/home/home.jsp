<p:page title="ホーム">
<h1 data-member-id="${me.id}"><c:out value="${me.nickname}"/>さんのホーム</h1>
<nav><c:forEach items="${sections}" var="part"><c:if test="${not empty part.keyNumber}"><a href="#${part.anchorId}" accesskey="${part.keyNumber}"><c:out value="${part.title}"/></a> </c:if></c:forEach></nav>
<c:forEach items="${sections}" var="part">
<section id="${part.anchorId}">
<c:set var="section" value="${part.data}" scope="request"/>
<jsp:include page="${part.path}"/>
</section>
</c:forEach>
<p><a href="<c:url value='/members/${me.id}'/>">プロフィール</a> | <a href="<c:url value='/settings'/>">設定</a> | <a href="<c:url value='/invite'/>">友だちを招待</a></p>
<form method="post" action="<c:url value='/logout'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="ログアウト">
</form>
</p:page>
