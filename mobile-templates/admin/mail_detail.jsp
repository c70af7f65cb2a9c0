<p:page title="受信メール #${mail.row.id}" console="true">
<p:console current="mail"/>
<c:set var="m" value="${mail.row}"/>
<h1>受信メール #${m.id}</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>状態</th><td class="spool-state"><c:out value="${m.stateName}"/></td></tr>
<tr><th>理由</th><td><c:out value="${m.reason}"/></td></tr>
<tr><th>受信</th><td><c:out value="${m.received}"/>（日本時間）</td></tr>
<tr><th>処理</th><td><c:out value="${m.handled}"/><c:if test="${not empty m.route}">（<c:out value="${m.route}"/>）</c:if>、試行 <c:out value="${m.attempts}"/>回</td></tr>
<tr><th>送信元</th><td><c:out value="${m.remoteAddr}"/>（HELO <c:out value="${m.helo}"/>）</td></tr>
<tr><th>送信者（エンベロープ）</th><td><c:out value="${m.envelopeFrom}"/></td></tr>
<tr><th>宛先</th><td><c:out value="${m.recipient}"/></td></tr>
<tr><th>大きさ</th><td><c:out value="${m.sizeBytes}"/>バイト <a href="<c:url value='/admin/mail/${m.id}/raw'/>">元のメールをダウンロード（.eml）</a></td></tr>
</table>
<h2>ヘッダー</h2>
<p><small>符号化された件名などは読める形に直しています。本文や添付は、ダウンロードしたメールをメールソフトで確認してください。</small></p>
<dl class="spool-headers">
<c:forEach items="${mail.headers}" var="h"><dt><c:out value="${h.name}"/></dt><dd><c:out value="${h.value}"/></dd>
</c:forEach>
</dl>
<c:if test="${m.quarantined}">
<h2>保留中のメールの操作</h2>
<form method="post" action="<c:url value='/admin/mail/${m.id}/retry'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p>原因を直したあと、受信したときと同じように処理し直します（投稿されるか、会員に理由が返信されます）。<br>
理由・メモ <input type="text" name="note" size="40" maxlength="500" required> <input type="submit" value="処理待ちに戻す"></p>
</form>
<form method="post" action="<c:url value='/admin/mail/${m.id}/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p>確認が済んだメールを、元のメールごと削除します。元に戻せません。<br>
理由・メモ <input type="text" name="note" size="40" maxlength="500" required> <input type="submit" value="削除する"></p>
</form>
</c:if>
<p><a href="<c:url value='/admin/mail?state=${m.state}'/>">一覧へ</a></p>
</p:page>
