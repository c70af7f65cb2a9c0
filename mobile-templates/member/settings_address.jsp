<p:page title="メールアドレスの変更">
<h1>メールアドレスの変更</h1>
<c:if test="${not empty notice}"><p data-result="ok"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p data-result="refused" style="color:#c00"><c:out value="${error}"/></p></c:if>
<p>携帯メールアドレス: <c:out value="${me.mobileEmail}"/><br>PCメールアドレス: <c:out value="${empty me.pcEmail ? '(なし)' : me.pcEmail}"/></p>
<form method="post" action="<c:url value='/settings/address'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label><input type="radio" name="kind" value="mobile" checked> 携帯メールアドレス</label>
<label><input type="radio" name="kind" value="pc"> PCメールアドレス（空欄で削除）</label></p>
<p><label>新しいアドレス<br><input type="email" name="email" size="30"></label></p>
<p><label>パスワード<br><input type="password" name="password" size="20" autocomplete="current-password"></label></p>
<p><input type="submit" value="確認メールを送る"></p>
</form>
<p>新しいアドレスに届くURLを開くと変更が完了します。</p>
<p><a href="<c:url value='/settings'/>">設定へ</a></p>
</p:page>
