<%-- Asking before one's own voice is deleted (GET /voice/{id}/delete; the form posts to the same URL) --%>
<k:page title="ﾎﾞｲｽの削除">
このﾎﾞｲｽを削除します｡<c:if test="${voice.replyTo == null}">返信も消え､</c:if>元に戻せません｡<br />
<div data-voice-id="${voice.id}"><c:out value="${voice.body}"/><br />
<c:out value="${voice.time}"/></div>
<form method="post" action="<c:url value='/voice/${voice.id}/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="submit" value="削除する" />
</form>
<k:link href="/voice/${voice.replyTo == null ? voice.id : voice.replyTo}" key="0">やめる</k:link>
</k:page>
