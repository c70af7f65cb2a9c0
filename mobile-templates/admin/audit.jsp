<p:page title="操作履歴" console="true">
<p:console current="audit"/>
<h1>操作履歴</h1>
<form method="get" action="<c:url value='/admin/audit'/>">
<label>運営者 <select name="operator"><option value="">すべて</option>
<c:forEach items="${operators}" var="o"><option value="<c:out value='${o.key}'/>"${filter.operatorId == o.key ? ' selected' : ''}><c:out value="${o.value}"/></option></c:forEach>
</select></label>
<label>種類 <select name="kind"><option value="">すべて</option>
<c:forEach items="${kinds}" var="k"><option value="<c:out value='${k.key}'/>"${filter.action == k.key ? ' selected' : ''}><c:out value="${k.value}"/></option></c:forEach>
</select></label>
<label>日付 <input type="date" name="date" value="<c:out value='${date}'/>" placeholder="2026-12-06"></label>
<input type="submit" value="絞り込む">
<c:if test="${not empty query}"><a href="<c:url value='/admin/audit'/>">条件を外す</a></c:if>
</form>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<p><small>時刻は日本時間（Asia/Tokyo）です。</small></p>
<c:choose><c:when test="${empty entries}"><p>該当する操作はありません。</p></c:when><c:otherwise>
<ol class="audit" style="list-style:none;padding:0">
<c:forEach items="${entries}" var="e" end="49">
<li style="border-bottom:1px solid #ccc;padding:.4em 0"><time><c:out value="${e.at}"/></time> <c:out value="${e.sentence}"/><c:if test="${not empty e.note}"> 理由・メモ: 「<c:out value="${e.note}"/>」</c:if></li>
</c:forEach>
</ol>
</c:otherwise></c:choose>
<p>
<c:if test="${page > 1}"><a href="<c:url value='/admin/audit?${query}page=${page - 1}'/>">前へ</a></c:if>
<c:if test="${fn:length(entries) > 50}"><a href="<c:url value='/admin/audit?${query}page=${page + 1}'/>">次へ</a></c:if>
</p>
</p:page>
