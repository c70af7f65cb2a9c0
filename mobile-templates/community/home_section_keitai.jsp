<div style="background:#ccccff">ｺﾐｭﾆﾃｨ最新書込</div>
<c:forEach items="${section.lines}" var="l"><span data-topic-id="${l.topicId}"><c:out value="${l.shortWhen}"/></span> <a href="<c:url value='/communities/${l.communityId}/topics/${l.topicId}'/>"><c:out value="${l.title}"/></a>(<c:out value="${l.communityName}"/>)<br /></c:forEach>
<c:if test="${empty section.lines}">まだありません｡<br /></c:if>
<a href="<c:url value='/communities'/>">ｺﾐｭﾆﾃｨ</a><br />
