<a href="<c:url value='/messages'/>" data-unread-messages="<c:out value='${section}'/>">ﾒｯｾｰｼﾞ<c:if test="${section gt 0}">未読<c:out value='${section}'/>件</c:if></a><br />
