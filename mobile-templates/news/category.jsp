<p:page title="${category.label}のニュース">
<h1><c:out value="${category.label}"/>のニュース</h1>
<c:if test="${not empty category.mostCommented}">
<h2>コメントの多いニュース（24時間）</h2>
<ol class="ranking-comments">
<c:forEach items="${category.mostCommented}" var="a"><li><a href="<c:url value='/news/${a.id}'/>"><c:out value="${a.title}"/></a> <small>コメント<c:out value="${a.score}"/></small></li></c:forEach>
</ol>
</c:if>
<c:if test="${not empty category.mostRead}">
<h2>よく読まれているニュース（24時間）</h2>
<ol class="ranking-reads">
<c:forEach items="${category.mostRead}" var="a"><li><a href="<c:url value='/news/${a.id}'/>"><c:out value="${a.title}"/></a> <small><c:out value="${a.score}"/>回</small></li></c:forEach>
</ol>
</c:if>
<h2>新着</h2>
<c:if test="${empty category.articles}"><p>ニュースはまだありません。</p></c:if>
<ul>
<c:forEach items="${category.articles}" var="a">
<li><a href="<c:url value='/news/${a.id}'/>"><c:out value="${a.title}"/></a> <small>(<c:out value="${a.source}"/> <c:out value="${a.when}"/><c:if test="${a.commentCount gt 0}"> コメント${a.commentCount}</c:if>)</small></li>
</c:forEach>
</ul>
<p><a href="<c:url value='/news'/>">ニュース</a> | <a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
