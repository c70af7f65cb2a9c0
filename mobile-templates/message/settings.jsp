<p:page title="メッセージの設定">
<h1>メッセージの設定</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/settings/messages'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p>メッセージを受け取る相手<br><select name="accept_from">
<c:forEach items="${accepts}" var="a"><option value="<c:out value='${a.value}'/>" ${a.value == settings.acceptFrom ? 'selected' : ''}><c:out value="${a.label}"/></option></c:forEach>
</select></p>
<p><label><input type="checkbox" name="notice_mail" value="on" ${settings.noticeMail ? 'checked' : ''}> 新しいメッセージをメールで知らせる</label></p>
<p><label><input type="checkbox" name="notice_body" value="on" ${settings.noticeBody ? 'checked' : ''}> お知らせのメールに本文も入れる</label></p>
<p><input type="submit" value="保存"></p>
</form>
<p><a href="<c:url value='/settings'/>">設定へ</a></p>
</p:page>
