<%-- The voice section of the keitai home: the one-field form first (post, and the answer is this home page again),
     then friends' newest voices. No accesskeys here: the home page owns 1-9. --%>
<div style="background-color:#ffe0c0">ﾎﾞｲｽ</div>
<form method="post" action="<c:url value='/voice'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="key" value="<c:out value='${section.key}'/>" />
<input type="hidden" name="from" value="home" />
<input type="text" name="body" size="18" ${handset.input.hiragana} /><input type="submit" value="投稿" />
</form>
<c:forEach items="${section.items}" var="v">
<c:out value="${v.authorName}"/>:<c:out value="${v.body}"/> <a href="<c:url value='/voice/${v.id}'/>"><c:out value="${v.time}"/></a><c:if test="${v.likeCount gt 0}"> ｲｲﾈ!${v.likeCount}</c:if><c:if test="${v.replyCount gt 0}"> 返信${v.replyCount}</c:if><br />
</c:forEach>
<c:if test="${empty section.items}">まだﾎﾞｲｽはありません｡<br /></c:if>
<a href="<c:url value='/voice'/>">ﾎﾞｲｽをもっと見る</a><br />
