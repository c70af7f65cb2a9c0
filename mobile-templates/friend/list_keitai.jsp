<html><head><title>ﾏｲﾐｸ</title></head>
<body>
ﾏｲﾐｸ(<c:out value="${count}"/>人)<br>
<hr>
<c:if test="${empty friends}">まだﾏｲﾐｸがいません｡<br></c:if>
<c:forEach items="${friends}" var="f">
<a href="<c:url value='/members/${f.id}'/>"><c:out value="${f.nickname}"/></a><br>
</c:forEach>
<c:if test="${page > 1}"><a href="<c:url value='/friends?page=${page - 1}'/>" accesskey="4">[4]前へ</a> </c:if><c:if test="${hasNext}"><a href="<c:url value='/friends?page=${page + 1}'/>" accesskey="6">[6]次へ</a></c:if>
<hr>
<a href="<c:url value='/friends/requests'/>" accesskey="1">[1]ﾏｲﾐｸ申請</a><br>
<a href="<c:url value='/home'/>" accesskey="0">[0]ﾎｰﾑ</a>
</body></html>
