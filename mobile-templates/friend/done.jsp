<p:page title="マイミク">
<c:if test="${not empty notice}"><p data-result="ok"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p data-result="refused" style="color:#c00"><c:out value="${error}"/></p></c:if>
<p><a href="<c:url value='/friends'/>">マイミク一覧</a> | <a href="<c:url value='/friends/requests'/>">マイミク申請</a></p>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
