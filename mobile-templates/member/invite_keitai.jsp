<k:page title="友だちを招待">
友だちを招待<br />
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<c:if test="${not empty error}"><span style="color:#c00"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/invite'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
ﾒｰﾙｱﾄﾞﾚｽ<br /><input type="text" name="email" size="20" value="<c:out value='${email}'/>" /><br />
<input type="submit" value="招待する" />
</form>
<hr />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
