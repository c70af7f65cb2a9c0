<p:page title="通報（日記・ボイス・プロフィール）" console="true">
<p:console current="content-reports"/>
<h1>通報（日記・ボイス・プロフィール）</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<p>会員が通報した日記・ボイス・プロフィールです（古い順）。内容は通報されたときの文面です。利用停止にすると、その人の日記・ボイス・プロフィールはだれにも見えなくなり、その人への未対応の通報も閉じます。コミュニティのトピック・コメントは<a href="<c:url value='/admin/community-reports'/>">コミュニティの通報</a>で扱います。</p>
<c:if test="${empty reports}"><p>未対応の通報はありません。</p></c:if>
<c:if test="${not empty reports}">
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>日時</th><th>対象</th><th>内容</th><th>書いた人</th><th>通報者・理由</th><th>操作</th></tr>
<c:forEach items="${reports}" var="r">
<tr data-report-id="${r.id}">
<td><c:out value="${r.when}"/></td>
<td><c:out value="${r.kind}"/><br><small><c:out value="${r.path}"/></small></td>
<td style="max-width:30em;white-space:pre-wrap"><c:out value="${r.excerpt}"/></td>
<td><c:out value="${r.writer}"/> (ID <c:out value="${r.writerId}"/>)<c:if test="${r.writerSuspended}"> 停止中</c:if></td>
<td><c:out value="${r.reporter}"/>: <c:out value="${r.reason}"/></td>
<td>
<form method="post" action="<c:url value='/admin/reports/${r.id}/dismiss'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="問題なし"></form>
<form method="post" action="<c:url value='/admin/reports/${r.id}/suspend'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="書いた人を停止"></form>
</td>
</tr>
</c:forEach>
</table>
</c:if>
<p><a href="<c:url value='/admin'/>">運営コンソールへ</a></p>
</p:page>
