<k:page title="ﾊﾟｽﾜｰﾄﾞ変更">
ﾊﾟｽﾜｰﾄﾞ変更<br />
<c:if test="${not empty error}"><span style="color:#c00"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/settings/password'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
現在のﾊﾟｽﾜｰﾄﾞ<br /><input type="password" name="current_password" size="16" /><br />
新しいﾊﾟｽﾜｰﾄﾞ<br /><input type="password" name="new_password" size="16" /><br />
<input type="submit" value="変更" />
</form>
<hr />
<k:link href="/settings" key="0">設定</k:link>
</k:page>
