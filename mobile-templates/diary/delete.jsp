<p:page title="日記の削除">
<h1>日記の削除</h1>
<p>「<c:out value="${page.diary.title}"/>」を削除します。コメントと写真も消え、元に戻せません。</p>
<form method="post" action="<c:url value='/diary/${page.id}/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="削除する">
</form>
<p><a href="<c:url value='/diary/${page.id}'/>">やめる</a></p>
</p:page>
