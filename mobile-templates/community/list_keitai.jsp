<k:page title="ｺﾐｭﾆﾃｨ">
<form method="get" action="<c:url value='/communities'/>">
<input type="text" name="q" size="12" value="<c:out value='${q}'/>" ${handset.input.hiragana} />
<select name="category"><option value="">全ｶﾃｺﾞﾘ</option><c:forEach items="${categories}" var="cat"><option value="<c:out value='${cat}'/>" ${cat == category ? 'selected="selected"' : ''}><c:out value="${cat}"/></option></c:forEach></select>
<input type="submit" value="検索" />
</form>
<hr />
<k:split>
<c:choose>
<c:when test="${searching}">
<c:if test="${empty found}">見つかりませんでした｡<br /></c:if>
<c:forEach items="${found}" var="f"><span data-community-id="${f.card.id}"></span><a href="<c:url value='/communities/${f.card.id}'/>"><c:out value="${f.card.name}"/></a>(${f.card.memberCount})<c:if test="${not empty f.latestTopic}"><br />└<c:out value="${f.latestTopic}"/></c:if><br /></c:forEach>
<c:if test="${more}"><a href="<c:url value='/communities'><c:param name='q' value='${q}'/><c:param name='category' value='${category}'/><c:param name='page' value='${pageNumber + 1}'/></c:url>">次へ</a><br /></c:if>
</c:when>
<c:otherwise>
参加中<br />
<c:if test="${empty mine}">まだありません｡<br /></c:if>
<c:forEach items="${mine}" var="m"><a href="<c:url value='/communities/${m.id}'/>"><c:out value="${m.name}"/></a>(${m.memberCount})<br /></c:forEach>
</c:otherwise>
</c:choose>
</k:split>
<hr />
<k:link href="/communities/new" key="1">作る</k:link><br />
<k:link href="/communities/settings" key="8">お知らせ設定</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
