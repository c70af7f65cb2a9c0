<p:page title="ニュースのコメント" console="true">
<p:console current="news"/>
<h1>ニュースのコメント</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>ID</th><th>ニュース</th><th>会員</th><th>コメント</th><th>日時</th><th>状態</th><th>操作（理由を添えて）</th></tr>
<c:forEach items="${comments}" var="c" end="49">
<tr data-comment-id="${c.id}">
<td>${c.id}</td><td><a href="<c:url value='/news/${c.articleId}'/>"><c:out value="${c.articleTitle}"/></a></td>
<td><c:out value="${c.nickname}"/> (${c.authorId})</td><td><c:out value="${c.body}"/></td><td><c:out value="${c.when}"/></td>
<td>${c.hidden ? '非表示' : '表示中'}</td>
<td><form method="post" action="<c:url value='/admin/news/comments/${c.id}/${c.hidden ? "show" : "hide"}'/>" style="margin:0"><input type="hidden" name="_csrf" value="${csrf}"><input type="text" name="note" size="20" placeholder="理由"><input type="submit" value="${c.hidden ? '再表示' : '非表示にする'}"></form></td>
</tr>
</c:forEach>
</table>
<p>
<c:if test="${page > 1}"><a href="<c:url value='/admin/news/comments?page=${page - 1}'/>">前へ</a></c:if>
<c:if test="${fn:length(comments) > 50}"><a href="<c:url value='/admin/news/comments?page=${page + 1}'/>">次へ</a></c:if>
</p>
<p><a href="<c:url value='/admin/news'/>">提携フィード</a> | <a href="<c:url value='/admin'/>">運営コンソールへ</a></p>
</p:page>
