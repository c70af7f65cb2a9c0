<p:page title="マイミク一覧">
<h1>マイミク一覧（<c:out value="${count}"/>人）</h1>
<c:if test="${empty friends}"><p>まだマイミクがいません。</p></c:if>
<ul class="friends-list">
<c:forEach items="${friends}" var="f">
<li><a class="avatar" href="<c:url value='/members/${f.id}'/>" aria-hidden="true" tabindex="-1"><c:out value="${fn:substring(f.nickname, 0, 1)}"/></a><a class="who" href="<c:url value='/members/${f.id}'/>"><c:out value="${f.nickname}"/></a><a class="end" href="<c:url value='/friends/${f.id}/end'/>">解除</a></li>
</c:forEach>
</ul>
<p><c:if test="${page > 1}"><a href="<c:url value='/friends?page=${page - 1}'/>">前へ</a> </c:if><c:if test="${hasNext}"><a href="<c:url value='/friends?page=${page + 1}'/>">次へ</a></c:if></p>
<p><a href="<c:url value='/friends/requests'/>">マイミク申請</a> | <a href="<c:url value='/blocks'/>">ブロック中のメンバー</a></p>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
