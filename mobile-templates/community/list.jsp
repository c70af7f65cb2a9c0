<p:page title="コミュニティ">
<h1>コミュニティ</h1>
<form method="get" action="<c:url value='/communities'/>" class="community-search">
<input type="text" name="q" value="<c:out value='${q}'/>" placeholder="コミュニティ名">
<select name="category"><option value="">すべてのカテゴリ</option>
<c:forEach items="${categories}" var="cat"><option value="<c:out value='${cat}'/>" ${cat == category ? 'selected' : ''}><c:out value="${cat}"/></option></c:forEach>
</select>
<input type="submit" value="検索">
</form>
<c:choose>
<c:when test="${searching}">
<h2>検索結果</h2>
<c:if test="${empty found}"><p>見つかりませんでした。</p></c:if>
<ul class="community-list">
<c:forEach items="${found}" var="f">
<li data-community-id="${f.card.id}"><a href="<c:url value='/communities/${f.card.id}'/>"><c:out value="${f.card.name}"/></a>（<c:out value="${f.card.category}"/>・${f.card.memberCount}人<c:if test="${f.card.membersOnly}">・メンバーのみ閲覧</c:if>）<c:if test="${not empty f.latestTopic}"><br><small class="latest-topic">最新トピック: <c:out value="${f.latestTopic}"/></small></c:if></li>
</c:forEach>
</ul>
<p><c:if test="${pageNumber > 1}"><a href="<c:url value='/communities'><c:param name='q' value='${q}'/><c:param name='category' value='${category}'/><c:param name='page' value='${pageNumber - 1}'/></c:url>">前へ</a> </c:if><c:if test="${more}"><a href="<c:url value='/communities'><c:param name='q' value='${q}'/><c:param name='category' value='${category}'/><c:param name='page' value='${pageNumber + 1}'/></c:url>">次へ</a></c:if></p>
</c:when>
<c:otherwise>
<h2>参加しているコミュニティ</h2>
<c:if test="${empty mine}"><p>まだありません。</p></c:if>
<ul class="community-list">
<c:forEach items="${mine}" var="m"><li data-community-id="${m.id}"><a href="<c:url value='/communities/${m.id}'/>"><c:out value="${m.name}"/></a>（${m.memberCount}人）</li></c:forEach>
</ul>
</c:otherwise>
</c:choose>
<p><a href="<c:url value='/communities/new'/>">コミュニティを作る</a> | <a href="<c:url value='/communities/settings'/>">お知らせの設定</a> | <a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
