<p:page title="パスワードの再設定">
<h1>パスワードの再設定</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/password-reset/new'/>"><input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="token" value="<c:out value='${token}'/>">
<p><label>新しいパスワード（8文字以上）<br><input type="password" name="password" size="20" autocomplete="new-password"></label></p>
<p><input type="submit" value="設定する"></p>
</form>
<p>設定すると、ほかの端末はすべてログアウトされ、かんたんログインの登録は解除されます。</p>
</p:page>
