<k:page title="ｱﾌﾟﾘ連携">
ｱﾌﾟﾘ連携(ｱｸｾｽﾄｰｸﾝ)<br />
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<c:if test="${not empty created}">新しいﾄｰｸﾝ:<br /><span data-new-token="<c:out value='${created.token}'/>"><c:out value="${created.token}"/></span><br /></c:if>
<hr />
<form method="post" action="<c:url value='/settings/apps'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
名前<br /><input type="text" name="name" maxlength="50" value="<c:out value='${name}'/>" /><br />
<c:forEach items="${scopes}" var="s"><input type="radio" name="scope" value="<c:out value='${s.value()}'/>" ${s.value() == 'read' ? 'checked="checked"' : ''} /><c:out value="${s.label()}"/><br /></c:forEach>
<input type="submit" value="作る" />
</form>
<hr />
<c:forEach items="${tokens}" var="t"><c:out value="${t.name()}"/>&#32;<c:out value="${t.scope()}"/><br />作成 <c:out value="${t.created()}"/> 利用 <c:out value="${t.lastUsed()}"/><br />
<c:if test="${t.revoked()}">無効<br /></c:if><c:if test="${not t.revoked()}"><form method="post" action="<c:url value='/settings/apps/${t.id()}/revoke'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="無効にする" /></form></c:if></c:forEach>
<hr />
<k:link href="/settings" key="0">設定</k:link>
</k:page>
