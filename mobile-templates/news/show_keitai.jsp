<k:page title="ﾆｭｰｽ">
<k:split>
<div data-news-id="${article.id}"><c:out value="${article.title}"/></div>
<c:out value="${article.source}"/>&#32;<c:out value="${article.when}"/><br />
<c:out value="${article.summary}"/><br />
<c:if test="${not empty article.link}"><c:url var="out" value="/out"><c:param name="url" value="${article.link}"/></c:url><a href="${fn:escapeXml(out)}">続きを読む(外部ｻｲﾄ)</a><br /></c:if>
<hr />
<a name="comments" id="comments">ｺﾒﾝﾄ(${article.commentCount})</a><br />
<c:forEach items="${article.comments}" var="c">
<c:out value="${c.nickname}"/>&#32;<c:out value="${c.when}"/><br />
<c:forEach items="${c.segments}" var="s"><c:choose><c:when test="${s.lineBreak}"><br /></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach><br />
</c:forEach>
<c:if test="${not empty article.diaries}">
<hr />
このﾆｭｰｽについての日記<br />
<c:forEach items="${article.diaries}" var="d">･<a href="<c:url value='/diary/${d.id}'/>"><c:out value="${d.title}"/></a>(<c:out value="${d.authorNickname}"/>)<br /></c:forEach>
</c:if>
</k:split>
<c:if test="${article.canComment}">
<hr />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/news/${article.id}/comments'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<textarea name="body" rows="3" cols="16" ${handset.input.hiragana}><c:out value="${body}"/></textarea><br />
<input type="submit" value="ｺﾒﾝﾄ" />
</form>
</c:if>
<hr />
<k:link href="/news/${article.id}/diary" key="1">日記を書く</k:link><br />
<k:link href="/news/category/${article.categoryValue}" key="4"><c:out value="${article.categoryLabel}"/></k:link><br />
<k:link href="/news" key="5">ﾆｭｰｽ</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
