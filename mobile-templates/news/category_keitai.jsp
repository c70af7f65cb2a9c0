<k:page title="ﾆｭｰｽ">
<c:out value="${category.label}"/>のﾆｭｰｽ<br />
<hr />
<k:split>
<c:if test="${not empty category.mostCommented}">■ｺﾒﾝﾄの多いﾆｭｰｽ<br />
<c:forEach items="${category.mostCommented}" var="a" varStatus="s">${s.count}.<a href="<c:url value='/news/${a.id}'/>"><c:out value="${a.title}"/></a>(<c:out value="${a.score}"/>)<br /></c:forEach></c:if>
<c:if test="${not empty category.mostRead}">■よく読まれているﾆｭｰｽ<br />
<c:forEach items="${category.mostRead}" var="a" varStatus="s">${s.count}.<a href="<c:url value='/news/${a.id}'/>"><c:out value="${a.title}"/></a><br /></c:forEach></c:if>
■新着<br />
<c:if test="${empty category.articles}">ﾆｭｰｽはまだありません｡<br /></c:if>
<c:forEach items="${category.articles}" var="a">
･<a href="<c:url value='/news/${a.id}'/>"><c:out value="${a.title}"/></a><c:if test="${a.commentCount gt 0}">(${a.commentCount})</c:if><br />
</c:forEach>
</k:split>
<hr />
<k:link href="/news" key="5">ﾆｭｰｽ</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
