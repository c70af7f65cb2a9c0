<p:page title="操作履歴" console="true">
<h1>操作履歴</h1>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>日時（日本時間）</th><th>運営者</th><th>操作</th><th>対象</th><th>理由・メモ</th></tr>
<c:forEach items="${entries}" var="e" end="49">
<tr><td><c:out value="${e.at}"/></td><td><c:out value="${e.operator}"/></td><td><c:out value="${e.action}"/></td><td><c:out value="${e.target}"/></td><td><c:out value="${e.note}"/></td></tr>
</c:forEach>
</table>
<p>
<c:if test="${page > 1}"><a href="<c:url value='/admin/audit?page=${page - 1}'/>">前へ</a></c:if>
<c:if test="${fn:length(entries) > 50}"><a href="<c:url value='/admin/audit?page=${page + 1}'/>">次へ</a></c:if>
</p>
<p><a href="<c:url value='/admin'/>">運営コンソールへ</a></p>
</p:page>
