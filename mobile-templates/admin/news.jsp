<p:page title="ニュース（提携フィード）" console="true">
<p:console current="news"/>
<h1>ニュース（提携フィード）</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00" class="error"><c:out value="${error}"/></p></c:if>
<h2>フィードを追加</h2>
<form method="post" action="<c:url value='/admin/news/feeds'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<label>名前（配信元） <input type="text" name="name" size="20" value="<c:out value='${name}'/>"></label>
<label>カテゴリ <select name="category"><c:forEach items="${categories}" var="cat"><option value="<c:out value='${cat.value}'/>" ${cat.value == category ? 'selected' : ''}><c:out value="${cat.label}"/></option></c:forEach></select></label>
<label>URL（RSS 2.0 / RSS 1.0 / Atom） <input type="text" name="url" size="50" value="<c:out value='${url}'/>"></label>
<label>取得間隔（分） <input type="text" name="interval" size="4" value="<c:out value='${interval}'/>"></label>
<input type="submit" value="追加">
</form>
<h2>フィード</h2>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>ID</th><th>名前</th><th>カテゴリ</th><th>URL</th><th>間隔</th><th>状態</th><th>最終成功</th><th>次回</th><th>記事</th><th>操作</th></tr>
<c:forEach items="${feeds}" var="f">
<tr data-feed-id="${f.id}">
<td>${f.id}</td><td><c:out value="${f.name}"/></td><td><c:out value="${f.categoryLabel}"/></td><td><c:out value="${f.url}"/></td><td><c:out value="${f.intervalMinutes}"/>分</td>
<td><c:choose><c:when test="${not f.active}">停止中</c:when><c:when test="${f.failing}"><span style="color:#c00" class="feed-failing">失敗中（<c:out value="${f.failures}"/>回）: <c:out value="${f.lastError}"/></span></c:when><c:otherwise>正常</c:otherwise></c:choose></td>
<td><c:out value="${f.lastSuccess}"/></td><td><c:out value="${f.nextPoll}"/></td><td>${f.articleCount}</td>
<td>
<form method="post" action="<c:url value='/admin/news/feeds/${f.id}/poll'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="今すぐ取得"></form>
<form method="post" action="<c:url value='/admin/news/feeds/${f.id}/${f.active ? "pause" : "resume"}'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="${f.active ? '停止' : '再開'}"></form>
<form method="post" action="<c:url value='/admin/news/feeds/${f.id}/remove'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="text" name="note" size="10" placeholder="理由"><input type="submit" value="削除"></form>
</td>
</tr>
</c:forEach>
</table>
<p><a href="<c:url value='/admin/news/comments'/>">ニュースのコメント（非表示にする）</a> | <a href="<c:url value='/admin'/>">運営コンソールへ</a></p>
</p:page>
