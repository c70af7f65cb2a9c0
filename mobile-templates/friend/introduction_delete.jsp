<%-- Asking before a 紹介文 is deleted (GET /members/{id}/introduction/delete?writer_id=…; the form posts to the same URL) --%>
<p:page title="紹介文の削除">
<p><c:out value="${introduction.writer}"/>さんが<c:out value="${owner.nickname}"/>さんに書いた紹介文を削除します。元に戻せません。</p>
<blockquote data-writer-id="${introduction.writerId}"><p><c:out value="${introduction.body}"/></p></blockquote>
<form method="post" action="<c:url value='/members/${owner.id}/introduction/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="writer_id" value="${introduction.writerId}">
<input type="submit" value="削除する">
</form>
<p><a href="<c:url value='/members/${owner.id}'/>">やめる</a></p>
</p:page>
