<%-- Asking before a comment is deleted (GET /diary/{id}/comments/{n}/delete; the form posts to the same URL) --%>
<k:page title="ｺﾒﾝﾄの削除">
｢<c:out value="${page.diary.title}"/>｣へのｺﾒﾝﾄ${comment.number}を削除します｡元に戻せません｡<br />
<div data-comment-number="${comment.number}"><c:out value="${comment.authorNickname} ${comment.when}"/><br />
<c:out value="${comment.body}"/></div>
<form method="post" action="<c:url value='/diary/${page.id}/comments/${comment.number}/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="submit" value="削除する" />
</form>
<k:link href="/diary/${page.id}#c${comment.number}" key="0">やめる</k:link>
</k:page>
