<p:page title="日記の設定">
<h1>日記の設定</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/settings/diary'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p>公開範囲の初期値（メールで書いた日記にも使います）<br><select name="default_visibility">
<c:forEach items="${levels}" var="l"><option value="<c:out value='${l.value}'/>" ${l.value == settings.defaultVisibility ? 'selected' : ''}><c:out value="${l.label}"/></option></c:forEach>
</select></p>
<p><label><input type="checkbox" name="comment_mail" value="on" ${settings.commentMail ? 'checked' : ''}> 日記にコメントがあったらメールで知らせる</label></p>
<p><input type="submit" value="保存"></p>
</form>
<p><a href="<c:url value='/settings'/>">設定へ</a></p>
</p:page>
