<p:page title="${article.title}">
<article data-news-id="${article.id}">
<p><small><a href="<c:url value='/news/category/${article.categoryValue}'/>"><c:out value="${article.categoryLabel}"/></a></small></p>
<h1><c:out value="${article.title}"/></h1>
<p><small><c:out value="${article.source}"/> <c:out value="${article.when}"/></small></p>
<c:if test="${not empty article.imageUrl}"><p><img src="<c:out value='${article.imageUrl}'/>" alt="" style="max-width:100%;max-height:240px"></p></c:if>
<p><c:out value="${article.summary}"/></p>
<c:if test="${not empty article.link}"><c:url var="out" value="/out"><c:param name="url" value="${article.link}"/></c:url><p><a href="${fn:escapeXml(out)}" rel="noreferrer">続きを読む（<c:out value="${article.source}"/>）</a></p></c:if>
</article>
<p><a href="<c:url value='/news/${article.id}/diary'/>">このニュースについて日記を書く</a></p>
<h2 id="comments">コメント (${article.commentCount})</h2>
<c:forEach items="${article.comments}" var="c">
<div class="news-comment" id="c${c.id}"><a href="<c:url value='/members/${c.authorId}'/>"><c:out value="${c.nickname}"/></a> <small><c:out value="${c.when}"/></small><br>
<c:forEach items="${c.segments}" var="s"><c:choose><c:when test="${s.lineBreak}"><br></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach></div>
</c:forEach>
<c:if test="${article.canComment}">
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/news/${article.id}/comments'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<textarea name="body" rows="3" cols="40" aria-label="コメント"><c:out value="${body}"/></textarea><br>
<input type="submit" value="コメントする">
</form>
</c:if>
<c:if test="${not empty article.diaries}">
<h2>このニュースについての日記</h2>
<ul>
<c:forEach items="${article.diaries}" var="d"><li><a href="<c:url value='/diary/${d.id}'/>"><c:out value="${d.title}"/></a> <small>(<c:out value="${d.authorNickname}"/> <c:out value="${d.shortWhen}"/>)</small></li></c:forEach>
</ul>
</c:if>
<p><a href="<c:url value='/news/category/${article.categoryValue}'/>"><c:out value="${article.categoryLabel}"/>のニュース</a> | <a href="<c:url value='/news'/>">ニュース</a></p>
</p:page>
