<p:page title="受信メール" console="true">
<p:console current="mail"/>
<h1>受信メール</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<p>会員が送ったメール（投稿・空メール）は、受け付けた時点でスプールに保存され、順に処理されます。「保留」は読み取れなかったメールや、処理が何度も失敗したメールです。送った会員には理由が返信されています。原因を直したら処理待ちに戻せます。</p>
<ul class="spool-counts">
<c:forEach items="${states}" var="s"><li><c:choose><c:when test="${s.key == state}"><strong aria-current="page"><c:out value="${s.value}"/>: <c:choose><c:when test="${counts[s.key] > countCap}"><c:out value="${countCap}"/>件以上</c:when><c:otherwise><c:out value="${counts[s.key]}"/>件</c:otherwise></c:choose></strong></c:when><c:otherwise><a href="<c:url value='/admin/mail?state=${s.key}'/>"><c:out value="${s.value}"/></a>: <c:choose><c:when test="${counts[s.key] > countCap}"><c:out value="${countCap}"/>件以上</c:when><c:otherwise><c:out value="${counts[s.key]}"/>件</c:otherwise></c:choose></c:otherwise></c:choose></li>
</c:forEach>
</ul>
<h2><c:out value="${states[state]}"/>（新しい順）</h2>
<p><small>時刻は日本時間（Asia/Tokyo）です。処理済み・受付拒否・重複のメールは保存期間が過ぎると自動で削除されます。保留のメールは運営者が削除するまで残ります。</small></p>
<c:choose><c:when test="${empty rows}"><p>該当するメールはありません。</p></c:when><c:otherwise>
<table border="1" cellpadding="4" style="border-collapse:collapse">
<tr><th>#</th><th>受信</th><th>送信者（エンベロープ）</th><th>宛先</th><th>大きさ</th><th>処理</th><th>理由</th></tr>
<c:forEach items="${rows}" var="m" end="${pageSize - 1}">
<tr data-spool-id="${m.id}"><td><a href="<c:url value='/admin/mail/${m.id}'/>">${m.id}</a></td><td><c:out value="${m.received}"/></td><td><c:out value="${m.envelopeFrom}"/></td><td><c:out value="${m.recipient}"/></td><td><c:out value="${m.sizeBytes}"/>バイト</td><td><c:out value="${m.handled}"/><c:if test="${not empty m.route}"> (<c:out value="${m.route}"/>)</c:if></td><td><c:out value="${m.reason}"/></td></tr>
</c:forEach>
</table>
</c:otherwise></c:choose>
<p>
<c:if test="${page > 1}"><a href="<c:url value='/admin/mail?state=${state}&page=${page - 1}'/>">前へ</a></c:if>
<c:if test="${fn:length(rows) > pageSize and page < lastPage}"><a href="<c:url value='/admin/mail?state=${state}&page=${page + 1}'/>">次へ</a></c:if>
</p>
<c:if test="${page == lastPage}"><p><small>これより古いメールは、番号を指定して開いてください（/admin/mail/番号）。</small></p></c:if>
</p:page>
