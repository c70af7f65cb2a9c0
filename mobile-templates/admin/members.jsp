<p:page title="会員" console="true">
<p:console current="members"/>
<h1>会員</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="get" action="<c:url value='/admin/members'/>">
<input type="text" name="q" value="<c:out value='${q}'/>" placeholder="ニックネーム・アドレス"> <input type="submit" value="検索">
</form>
<table border="1" cellpadding="4" style="border-collapse:collapse;margin-top:1em">
<tr><th>ID</th><th>ニックネーム</th><th>携帯</th><th>PC</th><th>状態</th><th>操作（理由を添えて）</th></tr>
<c:forEach items="${members}" var="m" end="49">
<tr>
<td>${m.id}</td><td><c:out value="${m.nickname}"/></td><td><c:out value="${m.mobileEmail}"/></td><td><c:out value="${m.pcEmail}"/></td>
<td><c:out value="${m.status.label}"/></td>
<td>
<form method="post" action="<c:url value='/admin/members/${m.id}/${m.status == "SUSPENDED" ? "unsuspend" : "suspend"}'/>" style="margin:0">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="text" name="note" size="20" placeholder="理由">
<input type="submit" value="${m.status == 'SUSPENDED' ? '停止を解除' : '利用停止'}">
</form>
</td>
</tr>
</c:forEach>
</table>
<p>
<c:if test="${page > 1}"><a href="<c:url value='/admin/members?q=${fn:escapeXml(q)}&page=${page - 1}'/>">前へ</a></c:if>
<c:if test="${fn:length(members) > 50}"><a href="<c:url value='/admin/members?q=${fn:escapeXml(q)}&page=${page + 1}'/>">次へ</a></c:if>
</p>
</p:page>
