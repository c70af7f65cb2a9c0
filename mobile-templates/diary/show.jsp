<p:page title="${page.diary.title}" keitaiPath="/diary/${page.id}">
<p class="diary-owner"><a class="avatar" href="<c:url value='/members/${page.authorId}'/>" aria-hidden="true" tabindex="-1"><c:out value="${fn:substring(page.authorNickname, 0, 1)}"/></a><a href="<c:url value='/members/${page.authorId}/diary'/>"><c:out value="${page.authorNickname}"/>さんの日記</a></p>
<article data-diary-id="${page.id}">
<h1><c:out value="${page.diary.title}"/></h1>
<p style="color:#666"><c:out value="${page.when}"/> ・ <c:out value="${page.diary.visibilityLabel}"/></p>
<c:if test="${not empty page.diary.newsArticleId}"><p>このニュースについての日記: <a href="<c:url value='/news/${page.diary.newsArticleId}'/>">関連ニュースを読む</a></p></c:if>
<c:if test="${not empty page.photos}"><div class="photos"><c:forEach items="${page.photos}" var="photo"><a href="<c:url value='/diary/${page.id}/photos/${photo.number}'/>"><img src="<c:url value='/diary/${page.id}/photos/${photo.number}?size=thumb'/>" alt="写真${photo.number}" class="thumb"></a></c:forEach></div></c:if>
<div class="body"><c:forEach items="${page.body}" var="s"><c:choose><c:when test="${s.lineBreak}"><br></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach></div>
</article>
<c:if test="${page.mine}"><p class="actions"><a href="<c:url value='/diary/${page.id}/edit'/>">編集</a><a href="<c:url value='/diary/${page.id}/delete'/>">削除</a></p></c:if>
<c:if test="${not page.mine}"><p class="actions"><small><a class="report" href="<c:url value='/report/diary/${page.id}'/>">この日記を通報</a></small></p></c:if>
<h2>コメント（${page.commentCount}）</h2>
<c:forEach items="${page.comments}" var="c">
<div id="c${c.number}" class="comment" style="border-top:1px solid #ddd;padding:.5em 0">
<p style="margin:0;color:#666">${c.number}. <a href="<c:url value='/members/${c.authorId}'/>"><c:out value="${c.authorNickname}"/></a> <c:out value="${c.when}"/></p>
<p style="margin:.3em 0"><c:forEach items="${c.segments}" var="s"><c:choose><c:when test="${s.lineBreak}"><br></c:when><c:when test="${s.refNumber > 0}"><a href="#c${s.refNumber}">&gt;&gt;${s.refNumber}</a></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach></p>
<c:if test="${page.canComment}"><a href="<c:url value='/diary/${page.id}?reply=${c.number}#comment'/>">返信</a></c:if>
<c:if test="${c.canDelete}"><form method="post" action="<c:url value='/diary/${page.id}/comments/${c.number}/delete'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="削除"></form></c:if>
</div>
</c:forEach>
<c:if test="${page.canComment}">
<h2 id="comment">コメントを書く</h2>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/diary/${page.id}/comments'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<textarea name="body" rows="4" cols="40" maxlength="1000"><c:out value="${reply}"/></textarea><br>
<input type="submit" value="コメントする">
</form>
</c:if>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
