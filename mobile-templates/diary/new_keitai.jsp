<k:page title="日記">
${empty page ? '日記を書く' : '日記を編集'}<br />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<c:choose>
<c:when test="${empty page}"><c:url var="action" value="/diary"/></c:when>
<c:otherwise><c:url var="action" value="/diary/${page.id}/edit"/></c:otherwise>
</c:choose>
<form method="post" action="${fn:escapeXml(action)}">
<input type="hidden" name="_csrf" value="${csrf}" />
ﾀｲﾄﾙ<br /><input type="text" name="title" size="16" maxlength="100" value="<c:out value='${title}'/>" ${handset.input.hiragana} /><br />
本文<br /><textarea name="body" rows="6" cols="16" ${handset.input.hiragana}><c:out value="${body}"/></textarea><br />
公開範囲<br /><select name="visibility">
<c:forEach items="${levels}" var="l"><option value="<c:out value='${l.value}'/>" ${l.value == visibility ? 'selected="selected"' : ''}><c:out value="${l.label}"/></option></c:forEach>
</select><br />
<c:forEach items="${page.photos}" var="photo"><input type="checkbox" name="remove_photo" value="${photo.number}" />写真${photo.number}を外す<br /></c:forEach>
<input type="submit" value="${empty page ? '書き込む' : '保存'}" />
</form>
写真はﾒｰﾙで送れます｡<br />
<k:link href="/settings/mail" key="8">ﾒｰﾙ投稿</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
