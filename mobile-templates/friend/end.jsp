<p:page title="マイミク解除">
<h1>マイミク解除</h1>
<p><c:out value="${target.nickname}"/>さんとのマイミクを解除します。書いてもらった紹介文も消えます。よろしいですか？</p>
<form method="post" action="<c:url value='/friends/${target.id}/end'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><input type="submit" value="解除する"></p>
</form>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
