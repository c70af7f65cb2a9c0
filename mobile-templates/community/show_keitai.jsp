<k:page title="ｺﾐｭﾆﾃｨ">
<div data-community-id="${page.card.id}"><c:out value="${page.card.name}"/></div>
<c:if test="${not empty notice}"><span style="color:#006600"><c:out value="${notice}"/></span><br /></c:if>
<c:if test="${page.card.hasImage}"><img src="<c:url value='/communities/${page.card.id}/image?size=thumb'/>" alt="画像" /><br /></c:if>
<c:out value="${page.card.category}"/>&#32;${page.card.memberCount}人<br />
管理人:<c:choose><c:when test="${page.vacant}">不在</c:when><c:otherwise><c:out value="${page.adminNickname}"/></c:otherwise></c:choose><br />
<c:if test="${page.handoverOffered}"><form method="post" action="<c:url value='/communities/${page.card.id}/handover/accept'/>"><input type="hidden" name="_csrf" value="${csrf}" />管理人の引継ぎ依頼<input type="submit" value="引き受ける" /></form></c:if>
<c:if test="${page.vacant and page.member}"><form method="post" action="<c:url value='/communities/${page.card.id}/volunteer'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="管理人を引き受ける" /></form></c:if>
<c:if test="${page.claimable}"><form method="post" action="<c:url value='/communities/${page.card.id}/claim'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="管理人になる" /></form></c:if>
<c:choose>
<c:when test="${page.member}"></c:when>
<c:when test="${page.pending}">申請中<form method="post" action="<c:url value='/communities/${page.card.id}/leave'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="申請取消" /></form></c:when>
<c:when test="${page.standing == 'banned'}"></c:when>
<c:otherwise><form method="post" action="<c:url value='/communities/${page.card.id}/join'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="${page.card.approval ? '参加申請' : '参加する'}" /></form></c:otherwise>
</c:choose>
<hr />
<k:split>
<c:out value="${page.card.description}"/><br />
<hr />
ﾄﾋﾟｯｸ(${page.card.topicCount})<br />
<c:choose>
<c:when test="${page.canRead}">
<c:forEach items="${page.topics}" var="t"><span data-topic-id="${t.id}"></span><c:if test="${t.event}">[ｲﾍﾞﾝﾄ]</c:if><a href="<c:url value='/communities/${page.card.id}/topics/${t.id}'/>"><c:out value="${t.title}"/></a>(${t.commentCount})<br /></c:forEach>
</c:when>
<c:otherwise>ﾒﾝﾊﾞｰだけが読めます｡<br /></c:otherwise>
</c:choose>
</k:split>
<hr />
<c:if test="${page.canPostTopic}"><k:link href="/communities/${page.card.id}/topics/new" key="1">ﾄﾋﾟｯｸ作成</k:link><br /><k:link href="/communities/${page.card.id}/topics/new?event=1" key="2">ｲﾍﾞﾝﾄ作成</k:link><br /></c:if>
<c:if test="${page.canRead}"><k:link href="/communities/${page.card.id}/members" key="3">ﾒﾝﾊﾞｰ</k:link><br /></c:if>
<c:if test="${page.member}"><form method="post" action="<c:url value='/communities/${page.card.id}/leave'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="退会" /></form></c:if>
<k:link href="/communities" key="9">ｺﾐｭﾆﾃｨ</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
