<p:page title="ボイス">
<h1>ボイス</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<p><a href="<c:url value='/members/${voice.authorId}'/>"><c:out value="${voice.authorName}"/></a>: <c:out value="${voice.body}"/><br>
<small><c:out value="${voice.time}"/> イイネ!${voice.likeCount}</small></p>
<form method="post" action="<c:url value="/voice/${voice.id}/${voice.liked ? 'unlike' : 'like'}"/>" style="display:inline">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="${voice.liked ? 'イイネ!を取り消す' : 'イイネ!'}">
</form>
<c:if test="${voice.mine}"><form method="post" action="<c:url value='/voice/${voice.id}/delete'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="削除"></form></c:if>
<h2>返信 (${voice.replyCount})</h2>
<ul>
<c:forEach items="${voice.replies}" var="r">
<li><c:out value="${r.authorName}"/>: <c:out value="${r.body}"/> <small><c:out value="${r.time}"/><c:if test="${r.likeCount gt 0}"> イイネ!${r.likeCount}</c:if></small>
<form method="post" action="<c:url value="/voice/${r.id}/${r.liked ? 'unlike' : 'like'}"/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="${r.liked ? 'イイネ!を取り消す' : 'イイネ!'}"></form>
<c:if test="${r.mine}"><form method="post" action="<c:url value='/voice/${r.id}/delete'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="削除"></form></c:if></li>
</c:forEach>
</ul>
<form method="post" action="<c:url value='/voice'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="key" value="<c:out value='${key}'/>">
<input type="hidden" name="reply_to" value="${voice.id}">
<input type="text" name="body" size="40" value="<c:out value='${body}'/>" aria-label="返信">
<input type="submit" value="返信">
</form>
<p><a href="<c:url value='/voice'/>">ボイス一覧</a> | <a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
