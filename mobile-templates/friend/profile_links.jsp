<%-- profile of another member: ask them to become マイミク (when not yet), block them --%>
<p><c:if test="${not friend}"><a href="<c:url value='/friends/requests/new?member_id=${owner.id}'/>" class="ask-friend">マイミクに追加</a> | </c:if><a href="<c:url value='/blocks/new?member_id=${owner.id}'/>">ブロックする</a></p>
