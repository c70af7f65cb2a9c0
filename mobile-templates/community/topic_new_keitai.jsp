<k:page title="ﾄﾋﾟｯｸ作成">
<c:out value="${community.name}"/><br />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/communities/${community.id}/topics'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
ﾀｲﾄﾙ<br /><input type="text" name="title" size="16" maxlength="100" value="<c:out value='${title}'/>" ${handset.input.hiragana} /><br />
本文<br /><textarea name="body" rows="4" cols="16" ${handset.input.hiragana}><c:out value="${body}"/></textarea><br />
<c:if test="${event}">日時(2026-12-24 19:00)<br /><input type="text" name="event_date" size="16" value="<c:out value='${eventForm.date}'/>" /><br />
場所<br /><input type="text" name="place" size="16" value="<c:out value='${eventForm.place}'/>" ${handset.input.hiragana} /><br />
定員<br /><input type="text" name="capacity" size="4" value="<c:out value='${eventForm.capacity}'/>" /><br />
締切(2026-12-20)<br /><input type="text" name="deadline" size="16" value="<c:out value='${eventForm.deadline}'/>" /><br /></c:if>
<input type="submit" value="作成" />
</form>
<k:link href="/communities/${community.id}" key="9">ｺﾐｭﾆﾃｨ</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
