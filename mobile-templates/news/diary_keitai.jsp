<k:page title="日記を書く">
このﾆｭｰｽについて日記を書く<br />
<a href="<c:url value='/news/${articleId}'/>"><c:out value="${articleTitle}"/></a><br />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/news/${articleId}/diary'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
ﾀｲﾄﾙ<br /><input type="text" name="title" size="16" maxlength="100" value="<c:out value='${title}'/>" ${handset.input.hiragana} /><br />
本文<br /><textarea name="body" rows="6" cols="16" ${handset.input.hiragana}><c:out value="${body}"/></textarea><br />
公開範囲<br /><select name="visibility">
<c:forEach items="${levels}" var="l"><option value="<c:out value='${l.value}'/>" ${l.value == visibility ? 'selected="selected"' : ''}><c:out value="${l.label}"/></option></c:forEach>
</select><br />
<input type="submit" value="書き込む" />
</form>
<k:link href="/news/${articleId}" key="9">ﾆｭｰｽへ戻る</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
