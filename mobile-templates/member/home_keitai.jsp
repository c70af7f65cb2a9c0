<%-- Member home for feature phones: a menu of the sections (accesskey = the hundreds of the section's order, 1-6;
     each jumps to its section), the sections in order (cut into parts on small budgets), the member menu on 7-9. --%>
<k:page title="ﾎｰﾑ">
<div data-member-id="${me.id}" style="color:#ff6600"><c:out value="${me.nickname}"/>さんのﾎｰﾑ</div>
<c:forEach items="${sections}" var="part"><c:if test="${not empty part.keyNumber}"><a href="#${part.anchorId}" accesskey="${part.keyNumber}">[${part.keyNumber}]<c:out value="${part.title}"/></a> </c:if></c:forEach>
<hr />
<k:split>
<c:forEach items="${sections}" var="part">
<a name="${part.anchorId}" id="${part.anchorId}"></a>
<c:set var="section" value="${part.data}" scope="request"/>
<%-- The usual sections are compiled into this page: dispatching an include per section cost a sixth of the page
     (issue 9, docs/performance.md). A section whose fragment resolves to another file (a carrier's own, a new
     feature's) is included as before. --%>
<c:choose>
<c:when test="${part.path == '/WEB-INF/templates/voice/home_section_keitai.jsp'}"><%@ include file="/WEB-INF/templates/voice/home_section_keitai.jsp" %></c:when>
<c:when test="${part.path == '/WEB-INF/templates/diary/home_section_keitai.jsp'}"><%@ include file="/WEB-INF/templates/diary/home_section_keitai.jsp" %></c:when>
<c:when test="${part.path == '/WEB-INF/templates/friend/home_requests_keitai.jsp'}"><%@ include file="/WEB-INF/templates/friend/home_requests_keitai.jsp" %></c:when>
<c:when test="${part.path == '/WEB-INF/templates/footprint/home_section_keitai.jsp'}"><%@ include file="/WEB-INF/templates/footprint/home_section_keitai.jsp" %></c:when>
<c:otherwise><jsp:include page="${part.path}"/></c:otherwise>
</c:choose>
<hr />
</c:forEach>
</k:split>
<k:link href="/members/${me.id}" key="7">ﾌﾟﾛﾌｨｰﾙ</k:link><br />
<k:link href="/invite" key="8">友達を招待</k:link><br />
<k:link href="/settings" key="9">設定</k:link><br />
<form method="post" action="<c:url value='/logout'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="submit" value="ﾛｸﾞｱｳﾄ" />
</form>
</k:page>
