<k:page title="かんたんﾛｸﾞｲﾝ">
かんたんﾛｸﾞｲﾝ<br />
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<c:if test="${not empty error}"><span style="color:#c00"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/settings/easy-login'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
ﾊﾟｽﾜｰﾄﾞ<br /><input type="password" name="password" size="16" /><br />
<input type="submit" value="この端末を登録" />
</form>
<hr />
<c:forEach items="${bindings}" var="b">
<c:out value="${b.carrier} ${b.createdAt}"/>
<form method="post" action="<c:url value='/settings/easy-login/${b.id}/remove'/>">
<input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="解除" />
</form>
</c:forEach>
<hr />
<k:link href="/settings" key="0">設定</k:link>
</k:page>
