<p:page title="安否確認" console="true">
<p:console current="safety"/>
<h1>安否確認</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<h2>開く</h2>
<p>開いている間、対象の都道府県に住む会員（現住所を選んでいない会員も）のホームに「無事です」ボタンが出ます。safe@ への空メールでも答えられます。ほかの会員は、対象地域のマイミクの安否を見られます。</p>
<form method="post" action="<c:url value='/admin/safety'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p>名前（例: 〇〇地震）<br><input type="text" name="title" size="40" maxlength="100" value="<c:out value='${title}'/>"></p>
<p>対象の都道府県（例: 宮城県・岩手県・福島県。空なら全国）<br><input type="text" name="prefectures" size="40" maxlength="400" value="<c:out value='${prefectures}'/>"></p>
<p>地域の表示（例: 東北。空なら都道府県名）<br><input type="text" name="region" size="40" maxlength="100" value="<c:out value='${region}'/>"></p>
<p>開始（日本時間「2011-03-11 14:46」、空なら今から）<br><input type="text" name="starts" size="20"></p>
<p>期間（時間）<br><input type="text" name="hours" size="5" value="<c:out value='${empty hours ? 72 : hours}'/>"></p>
<p><input type="submit" value="安否確認を開く"></p>
</form>
<h2>これまでの安否確認</h2>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>#</th><th>名前</th><th>地域</th><th>対象</th><th>開始</th><th>終了</th><th>回答数</th><th></th></tr>
<c:forEach items="${checks}" var="k">
<tr data-check-id="${k.id}"><td>${k.id}</td><td><c:out value="${k.title}"/><c:if test="${k.automatic}">（自動）</c:if></td><td><c:out value="${k.region}"/></td><td><c:out value="${k.prefectures}"/></td><td><c:out value="${k.opens}"/></td><td><c:out value="${k.closes}"/></td><td>${k.answerCount}</td>
<td><c:if test="${k.open}"><form method="post" action="<c:url value='/admin/safety/${k.id}/close'/>"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="終了する"></form></c:if></td></tr>
</c:forEach>
</table>
<p><a href="<c:url value='/admin'/>">運営コンソールへ</a></p>
</p:page>
