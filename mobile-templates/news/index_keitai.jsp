<k:page title="ﾆｭｰｽ">
ﾆｭｰｽ<br />
<hr />
<k:split>
<c:if test="${empty categories}">ﾆｭｰｽはまだありません｡<br /></c:if>
<c:forEach items="${categories}" var="cat">
■<a href="<c:url value='/news/category/${cat.value}'/>"><c:out value="${cat.label}"/></a><br />
<c:forEach items="${cat.articles}" var="a">
･<a href="<c:url value='/news/${a.id}'/>"><c:out value="${a.title}"/></a><c:if test="${a.commentCount gt 0}">(${a.commentCount})</c:if><br />
</c:forEach>
</c:forEach>
</k:split>
<hr />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
