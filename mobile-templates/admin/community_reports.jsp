<p:page title="コミュニティの通報" console="true">
<p:console current="reports"/>
<h1>コミュニティの通報</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<c:if test="${empty reports}"><p>未対応の通報はありません。</p></c:if>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>日時</th><th>対象</th><th>内容</th><th>書いた人</th><th>通報者・理由</th><th>操作</th></tr>
<c:forEach items="${reports}" var="r">
<tr data-report-id="${r.id}">
<td><c:out value="${r.when}"/></td>
<td><a href="<c:url value='/communities/${r.communityId}/topics/${r.topicId}'/>"><c:out value="${r.topicTitle}"/></a><c:if test="${r.number > 0}"> コメント${r.number}</c:if></td>
<td style="max-width:30em;white-space:pre-wrap"><c:out value="${r.text}"/></td>
<td><c:out value="${r.writer}"/> (ID ${r.writerId})<c:if test="${r.writerSuspended}"> 停止中</c:if></td>
<td><c:out value="${r.reporter}"/>: <c:out value="${r.reason}"/></td>
<td>
<form method="post" action="<c:url value='/admin/community-reports/${r.id}/hide'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="非表示にする"></form>
<form method="post" action="<c:url value='/admin/community-reports/${r.id}/dismiss'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="問題なし"></form>
<form method="post" action="<c:url value='/admin/community-reports/${r.id}/suspend'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="書いた人を停止"></form>
</td>
</tr>
</c:forEach>
</table>
<p><a href="<c:url value='/admin'/>">運営コンソールへ</a></p>
</p:page>
