<p id="requests" data-pending-requests="<c:out value='${section}'/>"><a href="<c:url value='/friends/requests'/>">マイミク申請が<c:out value="${section}"/>件届いています</a></p>
