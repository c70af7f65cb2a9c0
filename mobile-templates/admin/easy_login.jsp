<p:page title="かんたんログイン" console="true">
<p:console current="easy-login"/>
<h1>かんたんログインのブラックリスト</h1>
<p>なりすましなどが報告された端末を登録します。端末IDそのものは保存も表示もされません（ハッシュのみ）。</p>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="get" action="<c:url value='/admin/easy-login'/>">
会員ID <input type="text" name="member" size="8" value="<c:out value='${memberId}'/>"> <input type="submit" value="表示">
</form>
<c:if test="${not empty memberId}">
<table border="1" cellpadding="4" style="border-collapse:collapse;margin-top:1em">
<tr><th>キャリア</th><th>種類</th><th>登録日</th><th>ブラックリストへ</th></tr>
<c:forEach items="${bindings}" var="b">
<tr><td><c:out value="${b.carrier}"/></td><td><c:out value="${b.kind}"/></td><td><c:out value="${b.createdAt}"/></td>
<td><form method="post" action="<c:url value='/admin/easy-login/${b.id}/blacklist'/>" style="margin:0">
<input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="member" value="<c:out value='${memberId}'/>">
<input type="text" name="note" size="24" placeholder="理由"> <input type="submit" value="登録"></form></td></tr>
</c:forEach>
</table>
</c:if>
</p:page>
