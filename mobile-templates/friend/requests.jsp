<p:page title="マイミク申請">
<h1>マイミク申請</h1>
<h2>届いている申請</h2>
<c:if test="${empty incoming}"><p>ありません。</p></c:if>
<c:forEach items="${incoming}" var="r">
<div data-request-id="${r.id}" style="border-top:1px solid #ccc;padding:.5em 0">
<p><a href="<c:url value='/members/${r.fromId}'/>"><c:out value="${r.nickname}"/></a>さんから</p>
<c:if test="${not empty r.message}"><p><c:out value="${r.message}"/></p></c:if>
<form method="post" action="<c:url value='/friends/requests/${r.id}/approve'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="承認する"></form>
<form method="post" action="<c:url value='/friends/requests/${r.id}/reject'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="お断りする"></form>
</div>
</c:forEach>
<h2>送った申請（承認待ち）</h2>
<c:if test="${empty outgoing}"><p>ありません。</p></c:if>
<ul>
<c:forEach items="${outgoing}" var="r"><li><a href="<c:url value='/members/${r.toId}'/>"><c:out value="${r.nickname}"/></a>さん</li></c:forEach>
</ul>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
