<p:page title="このニュースについて日記を書く">
<h1>このニュースについて日記を書く</h1>
<p>ニュース: <a href="<c:url value='/news/${articleId}'/>"><c:out value="${articleTitle}"/></a></p>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/news/${articleId}/diary'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p>タイトル<br><input type="text" name="title" size="40" maxlength="100" value="<c:out value='${title}'/>"></p>
<p>本文<br><textarea name="body" rows="10" cols="60"><c:out value="${body}"/></textarea></p>
<p>公開範囲 <select name="visibility">
<c:forEach items="${levels}" var="l"><option value="<c:out value='${l.value}'/>" ${l.value == visibility ? 'selected' : ''}><c:out value="${l.label}"/></option></c:forEach>
</select></p>
<p><input type="submit" value="書き込む"></p>
</form>
<p><a href="<c:url value='/news/${articleId}'/>">ニュースへ戻る</a></p>
</p:page>
