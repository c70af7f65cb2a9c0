<p:page title="ボイス">
<h1>ボイス</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/voice'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="key" value="<c:out value='${key}'/>">
<input type="text" name="body" size="40" value="<c:out value='${body}'/>" placeholder="いまどうしてる？（150文字まで）" aria-label="ボイス">
<input type="submit" value="投稿">
</form>
<ul>
<c:forEach items="${page.items}" var="v">
<li><c:out value="${v.authorName}"/>: <c:out value="${v.body}"/><br>
<small><a href="<c:url value='/voice/${v.id}'/>"><c:out value="${v.time}"/></a> イイネ!${v.likeCount} 返信${v.replyCount}</small>
<form method="post" action="<c:url value="/voice/${v.id}/${v.liked ? 'unlike' : 'like'}"/>" style="display:inline">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="from" value="list">
<input type="submit" value="${v.liked ? 'イイネ!を取り消す' : 'イイネ!'}">
</form></li>
</c:forEach>
</ul>
<c:if test="${empty page.items}"><p>まだボイスはありません。</p></c:if>
<p><c:if test="${page.page gt 1}"><a href="<c:url value='/voice?page=${page.page - 1}'/>">前へ</a> </c:if>
<c:if test="${page.hasNext}"><a href="<c:url value='/voice?page=${page.page + 1}'/>">次へ</a></c:if></p>
<p>メールでも投稿できます: <a href="mailto:<c:out value='${mailAddress}'/>"><c:out value="${mailAddress}"/></a>（件名と本文をつなげて150文字まで。登録したケータイのアドレスから送ってください）</p>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
