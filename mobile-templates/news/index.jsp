<p:page title="ニュース">
<h1>ニュース</h1>
<c:if test="${empty categories}"><p>ニュースはまだありません。</p></c:if>
<c:forEach items="${categories}" var="cat">
<section>
<h2><a href="<c:url value='/news/category/${cat.value}'/>"><c:out value="${cat.label}"/></a></h2>
<ul>
<c:forEach items="${cat.articles}" var="a">
<li><a href="<c:url value='/news/${a.id}'/>"><c:out value="${a.title}"/></a> <small>(<c:out value="${a.source}"/> <c:out value="${a.when}"/><c:if test="${a.commentCount gt 0}"> コメント${a.commentCount}</c:if>)</small></li>
</c:forEach>
</ul>
</section>
</c:forEach>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
