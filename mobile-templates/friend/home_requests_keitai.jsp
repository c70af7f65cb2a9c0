<a href="<c:url value='/friends/requests'/>" accesskey="3" data-pending-requests="<c:out value='${section}'/>">[3]ﾏｲﾐｸ申請<c:out value="${section}"/>件</a><br />
