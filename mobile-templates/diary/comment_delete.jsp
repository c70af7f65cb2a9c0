<%-- Asking before a comment is deleted (GET /diary/{id}/comments/{n}/delete; the form posts to the same URL) --%>
<p:page title="コメントの削除">
<p>「<c:out value="${page.diary.title}"/>」へのコメント${comment.number}を削除します。元に戻せません。</p>
<blockquote data-comment-number="${comment.number}"><p><c:out value="${comment.authorNickname} ${comment.when}"/></p><p><c:out value="${comment.body}"/></p></blockquote>
<form method="post" action="<c:url value='/diary/${page.id}/comments/${comment.number}/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="削除する">
</form>
<p><a href="<c:url value='/diary/${page.id}#c${comment.number}'/>">やめる</a></p>
</p:page>
