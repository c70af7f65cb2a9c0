<%-- Asking before a 紹介文 is deleted (GET /members/{id}/introduction/delete?writer_id=…; the form posts to the same URL) --%>
<k:page title="紹介文の削除">
<c:out value="${introduction.writer}"/>さんが<c:out value="${owner.nickname}"/>さんに書いた紹介文を削除します｡元に戻せません｡<br />
<div data-writer-id="${introduction.writerId}"><c:out value="${introduction.body}"/></div>
<form method="post" action="<c:url value='/members/${owner.id}/introduction/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="writer_id" value="${introduction.writerId}" />
<input type="submit" value="削除する" />
</form>
<k:link href="/members/${owner.id}" key="0">やめる</k:link>
</k:page>
