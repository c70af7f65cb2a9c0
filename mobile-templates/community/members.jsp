<p:page title="メンバー">
<h1><a href="<c:url value='/communities/${page.card.id}'/>"><c:out value="${page.card.name}"/></a> のメンバー（${page.card.memberCount}人）</h1>
<c:if test="${page.administrator and not empty page.pending}">
<h2>参加申請</h2>
<ul class="pending">
<c:forEach items="${page.pending}" var="m"><li data-member-id="${m.id}"><a href="<c:url value='/members/${m.id}'/>"><c:out value="${m.nickname}"/></a>
<form method="post" action="<c:url value='/communities/${page.card.id}/members/${m.id}/approve'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="承認"></form>
<form method="post" action="<c:url value='/communities/${page.card.id}/members/${m.id}/reject'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="断る"></form></li></c:forEach>
</ul>
</c:if>
<ul class="members">
<c:forEach items="${page.members}" var="m"><li data-member-id="${m.id}"><a href="<c:url value='/members/${m.id}'/>"><c:out value="${m.nickname}"/></a> <c:out value="${m.roleLabel}"/>
<c:if test="${page.administrator and m.role == 'member'}"><form method="post" action="<c:url value='/communities/${page.card.id}/members/${m.id}/remove'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="外す"></form>
<form method="post" action="<c:url value='/communities/${page.card.id}/members/${m.id}/ban'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="参加禁止"></form></c:if>
<c:if test="${page.admin and m.role == 'member'}"><form method="post" action="<c:url value='/communities/${page.card.id}/members/${m.id}/subadmin'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="副管理人にする"></form></c:if>
<c:if test="${page.admin and m.role == 'sub_admin'}"><form method="post" action="<c:url value='/communities/${page.card.id}/members/${m.id}/unsubadmin'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="副管理人を外す"></form></c:if>
<c:if test="${page.admin and m.role != 'admin'}"><form method="post" action="<c:url value='/communities/${page.card.id}/members/${m.id}/handover'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="管理人を引き継ぐ"></form></c:if>
</li></c:forEach>
</ul>
<p><c:if test="${page.pageNumber > 1}"><a href="<c:url value='/communities/${page.card.id}/members?page=${page.pageNumber - 1}'/>">前へ</a> </c:if><c:if test="${page.more}"><a href="<c:url value='/communities/${page.card.id}/members?page=${page.pageNumber + 1}'/>">次へ</a></c:if></p>
<p><a href="<c:url value='/communities/${page.card.id}'/>">コミュニティへ</a></p>
</p:page>
