<p:page>
<h1>ケータイSNS</h1>
<p>日記・ボイス・マイミクで、友だちとゆるくつながる招待制SNSです。</p>
<h2>ログイン</h2>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/login'/>"><input type="hidden" name="_csrf" value="${csrf}"/>
<p><label>メールアドレス<br><input type="email" name="email" size="30" autocomplete="username" value="<c:out value='${email}'/>"></label></p>
<p><label>パスワード<br><input type="password" name="password" size="30" autocomplete="current-password"></label></p>
<p><input type="submit" value="ログイン"></p>
</form>
<p><a href="<c:url value='/password-reset'/>">パスワードを忘れた方</a></p>
<h2>はじめての方</h2>
<p>メンバーからの招待メールに書かれたURLから登録してください。</p>
</p:page>
