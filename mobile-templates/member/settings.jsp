<p:page title="設定">
<h1>設定</h1>
<p class="last-sign-in">最終ログイン: <c:out value="${lastSignIn}"/></p>
<ul>
<li><a href="<c:url value='/settings/profile'/>">プロフィール</a></li>
<li><a href="<c:url value='/settings/password'/>">パスワードの変更</a></li>
<li><a href="<c:url value='/settings/address'/>">メールアドレスの変更</a></li>
<li><a href="<c:url value='/settings/mail'/>">メール投稿アドレス</a></li>
<li><a href="<c:url value='/settings/diary'/>">日記の設定</a></li>
<li><a href="<c:url value='/settings/messages'/>">メッセージの設定</a></li>
<li><a href="<c:url value='/settings/easy-login'/>">かんたんログイン</a></li>
<li><a href="<c:url value='/settings/apps'/>">アプリ連携 (アクセストークン)</a></li>
<li><a href="<c:url value='/settings/withdraw'/>">退会</a></li>
</ul>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
