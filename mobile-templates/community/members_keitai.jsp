<k:page title="ﾒﾝﾊﾞｰ">
<c:out value="${page.card.name}"/>(${page.card.memberCount}人)<br />
<hr />
<k:split>
<c:if test="${page.administrator}"><c:forEach items="${page.pending}" var="m">申請:<c:out value="${m.nickname}"/><form method="post" action="<c:url value='/communities/${page.card.id}/members/${m.id}/approve'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="承認" /></form></c:forEach></c:if>
<c:forEach items="${page.members}" var="m"><a href="<c:url value='/members/${m.id}'/>"><c:out value="${m.nickname}"/></a><c:out value="${m.roleLabel}"/><br /></c:forEach>
</k:split>
<c:if test="${page.more}"><k:link href="/communities/${page.card.id}/members?page=${page.pageNumber + 1}" key="6">次へ</k:link><br /></c:if>
<hr />
<k:link href="/communities/${page.card.id}" key="9">ｺﾐｭﾆﾃｨ</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
