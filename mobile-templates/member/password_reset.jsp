<p:page title="パスワードを忘れた方">
<h1>パスワードを忘れた方</h1>
<p>登録しているメールアドレス（携帯またはPC）を入力してください。パスワードを再設定するためのURLを、登録済みのアドレスへメールでお送りします。</p>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/password-reset'/>"><input type="hidden" name="_csrf" value="${csrf}">
<p><label>メールアドレス<br><input type="email" name="email" size="30" autocomplete="username"></label></p>
<p><input type="submit" value="再設定用のURLを送る"></p>
</form>
<p><a href="<c:url value='/'/>">トップへ</a></p>
</p:page>
