<p:page title="ボイス">
<h1>ボイス</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<div class="post-box">
<form method="post" action="<c:url value='/voice'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="key" value="<c:out value='${key}'/>">
<input type="text" name="body" size="40" maxlength="150" value="<c:out value='${body}'/>" placeholder="いまどうしてる？（150文字まで）" aria-label="ボイス">
<input type="submit" value="投稿">
</form>
<p class="post-links mail-posting">メールでも投稿できます（件名と本文をつなげて150文字まで、登録した携帯のアドレスから）: <a href="mailto:<c:out value='${mailAddress}'/>"><c:out value="${mailAddress}"/></a></p>
</div>
<ul class="timeline voices">
<c:forEach items="${page.items}" var="v">
<li data-voice-id="${v.id}"><a class="avatar" href="<c:url value='/members/${v.authorId}'/>" aria-hidden="true" tabindex="-1"><c:out value="${fn:substring(v.authorName, 0, 1)}"/></a>
<div class="entry"><a class="who" href="<c:url value='/members/${v.authorId}'/>"><c:out value="${v.authorName}"/></a>
<p class="text"><c:out value="${v.body}"/></p>
<div class="meta actions"><a href="<c:url value='/voice/${v.id}'/>"><c:out value="${v.time}"/></a><span>イイネ!${v.likeCount}</span><a href="<c:url value='/voice/${v.id}'/>">返信${v.replyCount}</a>
<form method="post" action="<c:url value="/voice/${v.id}/${v.liked ? 'unlike' : 'like'}"/>" style="display:inline">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="from" value="list">
<input type="submit" value="${v.liked ? 'イイネ!を取り消す' : 'イイネ!'}">
</form></div></div></li>
</c:forEach>
</ul>
<c:if test="${empty page.items}"><p class="timeline-empty">まだボイスはありません。</p></c:if>
<p class="pager"><c:if test="${page.page gt 1}"><a href="<c:url value='/voice?page=${page.page - 1}'/>">前へ</a></c:if>
<c:if test="${page.hasNext}"><a href="<c:url value='/voice?page=${page.page + 1}'/>">次へ</a></c:if></p>
</p:page>
