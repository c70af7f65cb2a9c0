<k:page title="長い日記">
<div>日記 ${handset.carrier}</div>
<k:split>
<c:forEach var="i" begin="1" end="${n}"><div>第${i}話 今日は晴れ☀️でした～｡<a href="<c:url value='/diary/${i}'/>">続き</a></div>
</c:forEach>
</k:split>
<hr />
<a href="https://example.com/page?x=1&amp;y=2">外部ｻｲﾄ</a>
<form action="<c:url value='/search'/>"><input type="text" name="q" ${handset.input.hiragana} /></form>
<form method="post" action="<c:url value='/edge-probe/echo'/>"><input type="text" name="text" /></form>
<k:link href="/" key="0">ﾄｯﾌﾟ</k:link>
</k:page>
