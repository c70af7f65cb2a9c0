<k:page title="日記の削除">
｢<c:out value="${page.diary.title}"/>｣を削除します｡ｺﾒﾝﾄと写真も消え､元に戻せません｡<br />
<form method="post" action="<c:url value='/diary/${page.id}/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="submit" value="削除する" />
</form>
<k:link href="/diary/${page.id}" key="0">やめる</k:link>
</k:page>
