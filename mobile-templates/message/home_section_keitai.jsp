<a href="<c:url value='/messages'/>" accesskey="4" data-unread-messages="<c:out value='${section}'/>">[4]ﾒｯｾｰｼﾞ<c:if test="${section gt 0}">未読<c:out value='${section}'/>件</c:if></a><br />
