<p:page title="${page.card.name}">
<article class="community" data-community-id="${page.card.id}">
<h1><c:out value="${page.card.name}"/></h1>
<c:if test="${not empty notice}"><p class="notice" style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${page.card.hasImage}"><img class="community-image" src="<c:url value='/communities/${page.card.id}/image?size=thumb'/>" alt="コミュニティの画像" style="max-width:240px"></c:if>
<dl class="community-facts">
<dt>カテゴリ</dt><dd><c:out value="${page.card.category}"/></dd>
<dt>メンバー</dt><dd class="member-count">${page.card.memberCount}人</dd>
<dt>管理人</dt><dd><c:choose><c:when test="${page.vacant}">不在</c:when><c:otherwise><a href="<c:url value='/members/${page.adminId}'/>"><c:out value="${page.adminNickname}"/></a></c:otherwise></c:choose></dd>
<dt>参加</dt><dd><c:out value="${page.card.joinLabel}"/></dd>
<dt>トピック作成</dt><dd><c:out value="${page.card.topicLabel}"/></dd>
<dt>閲覧</dt><dd><c:out value="${page.card.readLabel}"/></dd>
</dl>
<div class="description" style="white-space:pre-wrap"><c:out value="${page.card.description}"/></div>
</article>
<c:if test="${page.handoverOffered}"><form method="post" action="<c:url value='/communities/${page.card.id}/handover/accept'/>" class="handover"><input type="hidden" name="_csrf" value="${csrf}">管理人から引き継ぎを頼まれています。 <input type="submit" value="管理人を引き受ける"></form>
<form method="post" action="<c:url value='/communities/${page.card.id}/handover/decline'/>"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="断る"></form></c:if>
<c:if test="${page.vacant and page.member}"><p>管理人がいません。</p>
<form method="post" action="<c:url value='/communities/${page.card.id}/volunteer'/>"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="管理人を引き受けてもよい"></form>
<c:if test="${page.claimable}"><form method="post" action="<c:url value='/communities/${page.card.id}/claim'/>"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="管理人になる"></form></c:if></c:if>
<p>
<c:choose>
<c:when test="${page.member}"><form method="post" action="<c:url value='/communities/${page.card.id}/leave'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="退会する"></form></c:when>
<c:when test="${page.pending}">参加を申請中です。 <form method="post" action="<c:url value='/communities/${page.card.id}/leave'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="申請を取り下げる"></form></c:when>
<c:when test="${page.standing == 'banned'}"></c:when>
<c:otherwise><form method="post" action="<c:url value='/communities/${page.card.id}/join'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="${page.card.approval ? '参加を申請する' : '参加する'}"></form></c:otherwise>
</c:choose>
<c:if test="${page.canRead}"><a href="<c:url value='/communities/${page.card.id}/members'/>">メンバー一覧</a></c:if>
<c:if test="${page.administrator and page.pendingCount > 0}"> | <a href="<c:url value='/communities/${page.card.id}/members'/>">参加申請 ${page.pendingCount}件</a></c:if>
<c:if test="${page.admin}"> | <a href="<c:url value='/communities/${page.card.id}/edit'/>">設定</a></c:if>
</p>
<h2>トピック（${page.card.topicCount}）</h2>
<c:choose>
<c:when test="${page.canRead}">
<c:if test="${empty page.topics}"><p>まだありません。</p></c:if>
<ul class="topics">
<c:forEach items="${page.topics}" var="t"><li data-topic-id="${t.id}"><c:if test="${t.event}">[イベント] </c:if><a href="<c:url value='/communities/${page.card.id}/topics/${t.id}'/>"><c:out value="${t.title}"/></a>（${t.commentCount}） <small><c:out value="${t.when}"/></small></li></c:forEach>
</ul>
</c:when>
<c:otherwise><p class="members-only">このコミュニティのトピックはメンバーだけが読めます。</p></c:otherwise>
</c:choose>
<c:if test="${page.canPostTopic}"><p><a href="<c:url value='/communities/${page.card.id}/topics/new'/>">トピックを作る</a> | <a href="<c:url value='/communities/${page.card.id}/topics/new?event=1'/>">イベントを作る</a></p></c:if>
<p><a href="<c:url value='/communities'/>">コミュニティ</a> | <a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
