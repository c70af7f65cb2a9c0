<%-- home on keitai: pending マイミク requests. No accesskey here: the home menu's key 3 jumps to this section --%>
<a href="<c:url value='/friends/requests'/>" data-pending-requests="<c:out value='${section}'/>">ﾏｲﾐｸ申請<c:out value="${section}"/>件</a><br />
