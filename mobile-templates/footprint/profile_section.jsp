<%-- profile, for its owner only: あしあと on each of the last days, newest first --%>
<h2>あしあと（日ごと）</h2>
<ul class="footprint-days"><c:forEach items="${section}" var="d"><li><c:out value="${d.day}"/> <span class="visits">${d.visitCount}</span>件</li></c:forEach></ul>
<p><a href="<c:url value='/footprints'/>">あしあとを見る</a></p>
