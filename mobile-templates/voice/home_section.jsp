<%-- The voice section of the home page: the one-field form, then friends' newest voices. --%>
<h2>ボイス</h2>
<form method="post" action="<c:url value='/voice'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="key" value="<c:out value='${section.key}'/>">
<input type="hidden" name="from" value="home">
<input type="text" name="body" size="30" placeholder="いまどうしてる？（150文字まで）" aria-label="ボイス">
<input type="submit" value="投稿">
</form>
<ul>
<c:forEach items="${section.items}" var="v">
<li><c:out value="${v.authorName}"/>: <c:out value="${v.body}"/> <a href="<c:url value='/voice/${v.id}'/>"><c:out value="${v.time}"/></a><c:if test="${v.likeCount gt 0}"> イイネ!${v.likeCount}</c:if><c:if test="${v.replyCount gt 0}"> 返信${v.replyCount}</c:if></li>
</c:forEach>
</ul>
<c:if test="${empty section.items}"><p>まだボイスはありません。</p></c:if>
<p><a href="<c:url value='/voice'/>">ボイスをもっと見る</a></p>
