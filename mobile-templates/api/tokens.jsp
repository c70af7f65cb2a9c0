<p:page title="アプリ連携 (アクセストークン)">
<h1>アプリ連携 (アクセストークン)</h1>
<p>アプリからAPI（/api/v1）を使うためのトークンです。トークンはパスワードと同じように扱い、人に教えないでください。</p>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<c:if test="${not empty created}"><p>新しいトークン（<c:out value="${created.scope.label()}"/>）:<br><input type="text" readonly size="60" value="<c:out value='${created.token}'/>" data-new-token="<c:out value='${created.token}'/>"></p></c:if>
<h2>トークンを作る</h2>
<form method="post" action="<c:url value='/settings/apps'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p>名前（どのアプリか分かるように）<br><input type="text" name="name" maxlength="50" value="<c:out value='${name}'/>"></p>
<p>権限<br><c:forEach items="${scopes}" var="s"><label><input type="radio" name="scope" value="<c:out value='${s.value()}'/>" ${s.value() == 'read' ? 'checked' : ''}> <c:out value="${s.label()}"/></label> </c:forEach></p>
<p><input type="submit" value="作る"></p>
</form>
<h2>作ったトークン</h2>
<c:if test="${empty tokens}"><p>まだありません。</p></c:if>
<c:if test="${not empty tokens}"><table>
<tr><th>名前</th><th>権限</th><th>作成</th><th>最終利用</th><th></th></tr>
<c:forEach items="${tokens}" var="t"><tr data-token-id="<c:out value='${t.id()}'/>">
<td><c:out value="${t.name()}"/></td><td><c:out value="${t.scope()}"/></td><td><c:out value="${t.created()}"/></td><td><c:out value="${t.lastUsed()}"/></td>
<td><c:if test="${t.revoked()}">無効</c:if><c:if test="${not t.revoked()}"><form method="post" action="<c:url value='/settings/apps/${t.id()}/revoke'/>"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="無効にする"></form></c:if></td>
</tr></c:forEach>
</table></c:if>
<p>使い方はREADMEの「JSON API」と <a href="<c:url value='/openapi'/>">/openapi</a> にあります。</p>
<p><a href="<c:url value='/settings'/>">設定へ</a></p>
</p:page>
