<p:page title="パスワードの変更">
<h1>パスワードの変更</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/settings/password'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label>現在のパスワード<br><input type="password" name="current_password" size="20" autocomplete="current-password"></label></p>
<p><label>新しいパスワード（8文字以上）<br><input type="password" name="new_password" size="20" autocomplete="new-password"></label></p>
<p><input type="submit" value="変更する"></p>
</form>
<p><a href="<c:url value='/settings'/>">設定へ</a></p>
</p:page>
