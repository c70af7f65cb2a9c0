<k:page title="ﾒｯｾｰｼﾞの設定">
ﾒｯｾｰｼﾞの設定<br />
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/settings/messages'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
受け取る相手<br /><select name="accept_from">
<c:forEach items="${accepts}" var="a"><option value="<c:out value='${a.value}'/>" ${a.value == settings.acceptFrom ? 'selected="selected"' : ''}><c:out value="${a.label}"/></option></c:forEach>
</select><br />
<input type="checkbox" name="notice_mail" value="on" ${settings.noticeMail ? 'checked="checked"' : ''} />ﾒｰﾙで知らせる<br />
<input type="checkbox" name="notice_body" value="on" ${settings.noticeBody ? 'checked="checked"' : ''} />本文も入れる<br />
<input type="submit" value="保存" />
</form>
<k:link href="/settings" key="0">設定</k:link>
</k:page>
