<%-- Asking before one's own voice is deleted (GET /voice/{id}/delete; the PC thread page posts directly) --%>
<p:page title="ボイスの削除">
<p>このボイスを削除します。<c:if test="${voice.replyTo == null}">返信も消え、</c:if>元に戻せません。</p>
<blockquote data-voice-id="${voice.id}"><p><c:out value="${voice.body}"/></p><p><c:out value="${voice.time}"/></p></blockquote>
<form method="post" action="<c:url value='/voice/${voice.id}/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="削除する">
</form>
<p><a href="<c:url value='/voice/${voice.replyTo == null ? voice.id : voice.replyTo}'/>">やめる</a></p>
</p:page>
