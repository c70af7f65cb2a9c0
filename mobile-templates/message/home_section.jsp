<p id="messages" data-unread-messages="<c:out value='${section}'/>"><a href="<c:url value='/messages'/>">メッセージ<c:if test="${section gt 0}">（未読<c:out value='${section}'/>件）</c:if></a></p>
