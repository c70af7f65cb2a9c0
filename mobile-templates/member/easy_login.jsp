<p:page title="かんたんログイン">
<h1>かんたんログイン</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<p>登録した端末からは、パスワードを入力せずにログインできます。登録にはパスワードの確認が必要です。</p>
<form method="post" action="<c:url value='/settings/easy-login'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label>パスワード<br><input type="password" name="password" size="20"></label></p>
<p><input type="submit" value="この端末を登録する"></p>
</form>
<h2>登録済みの端末</h2>
<c:if test="${empty bindings}"><p>まだありません。</p></c:if>
<ul>
<c:forEach items="${bindings}" var="b">
<li><c:out value="${b.carrier}"/>（<c:out value="${b.kind == 'COOKIE' ? 'Cookie' : '端末ID'}"/>・<c:out value="${b.createdAt}"/>登録）
<form method="post" action="<c:url value='/settings/easy-login/${b.id}/remove'/>" style="display:inline">
<input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="解除">
</form></li>
</c:forEach>
</ul>
<p><a href="<c:url value='/settings'/>">設定へ</a></p>
</p:page>
