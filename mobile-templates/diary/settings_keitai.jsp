<k:page title="日記の設定">
日記の設定<br />
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/settings/diary'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
公開範囲の初期値<br /><select name="default_visibility">
<c:forEach items="${levels}" var="l"><option value="<c:out value='${l.value}'/>" ${l.value == settings.defaultVisibility ? 'selected="selected"' : ''}><c:out value="${l.label}"/></option></c:forEach>
</select><br />
<input type="checkbox" name="comment_mail" value="on" ${settings.commentMail ? 'checked="checked"' : ''} />ｺﾒﾝﾄをﾒｰﾙで知らせる<br />
<input type="submit" value="保存" />
</form>
<k:link href="/settings" key="0">設定</k:link>
</k:page>
