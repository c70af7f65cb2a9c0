<p:page>
<p><c:out value="${message}"/></p>
<p><a href="<c:url value='/'/>">トップへ</a></p>
</p:page>
