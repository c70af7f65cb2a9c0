<p:page console="true">
<h1>運営コンソール</h1>
<ul>
<li><a href="<c:url value='/admin/members'/>">会員の検索・停止</a></li>
<li><a href="<c:url value='/admin/carriers'/>">キャリア情報（メールドメイン・ゲートウェイIP）</a></li>
<li><a href="<c:url value='/admin/easy-login'/>">かんたんログインのブラックリスト</a></li>
<li><a href="<c:url value='/admin/news'/>">ニュース（提携フィード・コメント）</a></li>
<li><a href="<c:url value='/admin/audit'/>">操作履歴</a></li>
</ul>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
