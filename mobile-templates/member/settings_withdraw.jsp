<p:page title="退会">
<h1>退会</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<p>退会すると、ニックネーム・メールアドレス・自己紹介・パスワードはすぐに消去され、元に戻せません。
書いた日記やコメントは「退会したメンバー」の投稿として残ります。</p>
<form method="post" action="<c:url value='/settings/withdraw'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label>確認のためパスワードを入力してください<br><input type="password" name="password" size="20"></label></p>
<p><input type="submit" value="退会する"></p>
</form>
<p><a href="<c:url value='/settings'/>">やめる</a></p>
</p:page>
