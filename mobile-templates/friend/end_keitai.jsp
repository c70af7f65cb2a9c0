<k:page title="ﾏｲﾐｸ解除">
<c:out value="${target.nickname}"/>さんとのﾏｲﾐｸを解除します｡紹介文も消えます｡<br />
<form method="post" action="<c:url value='/friends/${target.id}/end'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="submit" value="解除する" />
</form>
<hr />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
