<k:page title="日記">
<a href="<c:url value='/members/${page.authorId}/diary'/>"><c:out value="${page.authorNickname}"/>さんの日記</a><br />
<hr />
<k:split>
<div data-diary-id="${page.id}"><c:out value="${page.diary.title}"/></div>
<c:out value="${page.when}"/>&#32;<c:out value="${page.diary.visibilityLabel}"/><br />
<c:if test="${not empty page.diary.newsArticleId}"><a href="<c:url value='/news/${page.diary.newsArticleId}'/>">関連ﾆｭｰｽ</a><br /></c:if>
<c:forEach items="${page.photos}" var="photo"><a href="<c:url value='/diary/${page.id}/photos/${photo.number}'/>"><img src="<c:url value='/diary/${page.id}/photos/${photo.number}?size=thumb'/>" alt="写真${photo.number}" /></a></c:forEach>
<c:if test="${not empty page.photos}"><br /></c:if>
<c:forEach items="${page.body}" var="s"><c:choose><c:when test="${s.lineBreak}"><br /></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach>
<hr />
ｺﾒﾝﾄ(${page.commentCount})<br />
<c:forEach items="${page.comments}" var="c">
<a name="c${c.number}" id="c${c.number}">${c.number}</a>.<c:out value="${c.authorNickname} ${c.when}"/><br />
<c:forEach items="${c.segments}" var="s"><c:choose><c:when test="${s.lineBreak}"><br /></c:when><c:when test="${s.refNumber > 0}"><a href="#c${s.refNumber}">&gt;&gt;${s.refNumber}</a></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach><br />
<c:if test="${page.canComment}"><a href="<c:url value='/diary/${page.id}?reply=${c.number}'/>">返信</a></c:if>
<c:if test="${c.canDelete}">&#32;<a href="<c:url value='/diary/${page.id}/comments/${c.number}/delete'/>">削除</a></c:if>
<br />
</c:forEach>
</k:split>
<c:if test="${page.canComment}">
<hr />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/diary/${page.id}/comments'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<textarea name="body" rows="3" cols="16" ${handset.input.hiragana}><c:out value="${reply}"/></textarea><br />
<input type="submit" value="ｺﾒﾝﾄ" />
</form>
</c:if>
<hr />
<c:if test="${page.mine}"><k:link href="/diary/${page.id}/edit" key="5">編集</k:link><br /><k:link href="/diary/${page.id}/delete" key="9">削除</k:link><br /></c:if>
<c:if test="${not page.mine}"><a href="<c:url value='/report/diary/${page.id}'/>">通報</a><br /></c:if>
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
