<p:page title="安否確認">
<h1>安否確認</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<c:choose>
<c:when test="${empty board}"><p>いま安否確認は行われていません。</p></c:when>
<c:otherwise>
<p><strong><c:out value="${board.check.title}"/></strong>（<c:out value="${board.check.region}"/>）</p>
<c:if test="${board.asked and not board.iAnswered}">
<form method="post" action="<c:url value='/safety'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="text" name="message" size="30" maxlength="100" value="<c:out value='${message}'/>" placeholder="ひとこと（なくても可）">
<input type="submit" value="無事です">
</form>
</c:if>
<h2>無事と答えたマイミク（新しい順）</h2>
<ul class="safety-answered">
<c:forEach items="${board.answered}" var="f"><li data-member-id="${f.id}"><a href="<c:url value='/members/${f.id}'/>"><c:out value="${f.nickname}"/></a> <small><c:out value="${f.time}"/><c:if test="${f.byMail}">（メール）</c:if></small><c:if test="${not empty f.message}"> <c:out value="${f.message}"/></c:if></li></c:forEach>
</ul>
<c:if test="${empty board.answered}"><p>まだだれも答えていません。</p></c:if>
<h2>まだ答えていないマイミク</h2>
<p class="safety-not-yet"><c:forEach items="${board.notYet}" var="f"><a href="<c:url value='/members/${f.id}'/>" data-member-id="${f.id}"><c:out value="${f.nickname}"/></a> </c:forEach></p>
</c:otherwise>
</c:choose>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
