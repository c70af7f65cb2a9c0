<p:page title="キャリア情報" console="true">
<p:console current="carriers"/>
<h1>キャリア情報</h1>
<p>メールドメインは登録できる携帯アドレスの許可リストです。ゲートウェイIPはキャリア判定と端末IDの信頼に使います。
変更には理由・出典を必ず書いてください（操作履歴に残ります）。</p>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<c:if test="${not empty problems}"><p style="color:#c00">読み込めなかった設定ファイル（前回の正しい内容が有効です）:</p>
<ul><c:forEach items="${problems}" var="p"><li><c:out value="${p}"/></li></c:forEach></ul></c:if>
<c:forEach items="${profiles}" var="p">
<h2><c:out value="${p.name}"/> (<c:out value="${p.id}"/>) <small><a href="<c:url value='/admin/carriers/${p.id}/export'/>">設定ファイルとして書き出す</a></small></h2>
<h3>メールドメイン</h3>
<ul><c:forEach items="${registry.domains[p.id]}" var="d"><li><c:out value="${d}"/></li></c:forEach></ul>
<form method="post" action="<c:url value='/admin/carriers/${p.id}/domains'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="text" name="domain" size="24" placeholder="例: au.com">
<select name="action"><option value="add">追加</option><option value="remove">削除</option></select>
<input type="text" name="note" size="30" placeholder="理由・出典" required>
<input type="submit" value="変更">
</form>
<h3>ゲートウェイIP</h3>
<table border="1" cellpadding="3" style="border-collapse:collapse">
<c:forEach items="${registry.ranges[p.id]}" var="r"><tr><td><c:out value="${r.range}"/></td><td><c:out value="${r.source}"/></td></tr></c:forEach>
</table>
<form method="post" action="<c:url value='/admin/carriers/${p.id}/ranges'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="text" name="range" size="24" placeholder="例: 210.153.84.0/24">
<select name="action"><option value="add">追加</option><option value="remove">削除</option></select>
<input type="text" name="note" size="30" placeholder="理由・出典" required>
<label><input type="checkbox" name="confirm_wide" value="yes">広い範囲を確認しました</label>
<input type="submit" value="変更">
</form>
</c:forEach>
</p:page>
