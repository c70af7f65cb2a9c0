<p:page title="ボイス">
<h1>ボイス</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<ul class="timeline voices">
<li data-voice-id="${voice.id}"><a class="avatar" href="<c:url value='/members/${voice.authorId}'/>" aria-hidden="true" tabindex="-1"><c:out value="${fn:substring(voice.authorName, 0, 1)}"/></a>
<div class="entry"><a class="who" href="<c:url value='/members/${voice.authorId}'/>"><c:out value="${voice.authorName}"/></a>
<p class="text voice-body"><c:out value="${voice.body}"/></p>
<div class="meta actions"><span><c:out value="${voice.time}"/></span><span>イイネ!${voice.likeCount}</span>
<form method="post" action="<c:url value="/voice/${voice.id}/${voice.liked ? 'unlike' : 'like'}"/>" style="display:inline">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="${voice.liked ? 'イイネ!を取り消す' : 'イイネ!'}">
</form>
<c:choose><c:when test="${voice.mine}"><form method="post" action="<c:url value='/voice/${voice.id}/delete'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="削除"></form></c:when><c:otherwise><a class="report" href="<c:url value='/report/voice/${voice.id}'/>">通報</a></c:otherwise></c:choose></div></div></li>
</ul>
<h2>返信（${voice.replyCount}）</h2>
<ul class="timeline voices replies">
<c:forEach items="${voice.replies}" var="r">
<li data-voice-id="${r.id}"><a class="avatar" href="<c:url value='/members/${r.authorId}'/>" aria-hidden="true" tabindex="-1"><c:out value="${fn:substring(r.authorName, 0, 1)}"/></a>
<div class="entry"><a class="who" href="<c:url value='/members/${r.authorId}'/>"><c:out value="${r.authorName}"/></a>
<p class="text"><c:out value="${r.body}"/></p>
<div class="meta actions"><span><c:out value="${r.time}"/></span><c:if test="${r.likeCount gt 0}"><span>イイネ!${r.likeCount}</span></c:if>
<form method="post" action="<c:url value="/voice/${r.id}/${r.liked ? 'unlike' : 'like'}"/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="${r.liked ? 'イイネ!を取り消す' : 'イイネ!'}"></form>
<c:if test="${r.mine}"><form method="post" action="<c:url value='/voice/${r.id}/delete'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="削除"></form></c:if></div></div></li>
</c:forEach>
</ul>
<div class="post-box">
<form method="post" action="<c:url value='/voice'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="key" value="<c:out value='${key}'/>">
<input type="hidden" name="reply_to" value="${voice.id}">
<input type="text" name="body" size="40" maxlength="150" value="<c:out value='${body}'/>" placeholder="返信する" aria-label="返信">
<input type="submit" value="返信">
</form>
</div>
<p><a href="<c:url value='/voice'/>">ボイス一覧へ</a></p>
</p:page>
