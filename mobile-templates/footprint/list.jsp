<%-- /footprints for PC and smartphone: visitors newest first, per-day counts, the 忍び足 switch --%>
<p:page title="あしあと">
<h1>あしあと</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<c:choose>
<c:when test="${stealth}">
<p class="stealth">忍び足中です。あなたのあしあとは残りませんが、ほかの人のあしあとも見られません。</p>
</c:when>
<c:otherwise>
<c:if test="${empty visits}"><p>（あしあとはまだありません）</p></c:if>
<ol class="footprints"><c:forEach items="${visits}" var="v"><li><c:out value="${v.time}"/> <a href="<c:url value='/members/${v.visitorId}'/>" data-visitor-id="${v.visitorId}"><c:out value="${v.nickname}"/></a>さん</li></c:forEach></ol>
<p><c:if test="${page > 1}"><a href="<c:url value='/footprints?page=${page - 1}'/>">前へ</a> </c:if><c:if test="${hasNext}"><a href="<c:url value='/footprints?page=${page + 1}'/>">次へ</a></c:if></p>
<h2>日ごとの数</h2>
<ul class="footprint-days"><c:forEach items="${days}" var="d"><li><c:out value="${d.day}"/> ${d.visitCount}件</li></c:forEach></ul>
</c:otherwise>
</c:choose>
<h2>忍び足</h2>
<p>忍び足にすると、ほかの人のページを見てもあしあとが残りません。そのかわり、自分のあしあとも見られなくなります。</p>
<form method="post" action="<c:url value='/footprints/stealth'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<c:choose>
<c:when test="${stealth}"><input type="hidden" name="stealth" value="off"><input type="submit" value="忍び足をやめる"></c:when>
<c:otherwise><input type="hidden" name="stealth" value="on"><input type="submit" value="忍び足にする"></c:otherwise>
</c:choose>
</form>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
