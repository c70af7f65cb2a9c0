<%-- profile on keitai, for its owner only: あしあと on the last three days, newest first --%>
<k:link href="/footprints" key="${sectionKey}">あしあと</k:link>:<c:forEach items="${section}" var="d" end="2">&#32;<c:out value="${d.day}"/>:${d.visitCount}件</c:forEach><br />
