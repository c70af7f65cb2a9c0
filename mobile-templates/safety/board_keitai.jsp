<%-- one light page: who answered (newest first) and who has not; no links per friend to keep it small --%>
<k:page title="安否確認">
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<c:choose>
<c:when test="${empty board}">いま安否確認は行われていません｡<br /></c:when>
<c:otherwise>
<div style="color:#cc0000"><c:out value="${board.check.title}"/></div>
<c:if test="${board.asked and not board.iAnswered}">
<form method="post" action="<c:url value='/safety'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="text" name="message" size="12" maxlength="100" ${handset.input.hiragana} /><input type="submit" value="無事です" />
</form>
</c:if>
<k:split>
■無事(新しい順)<br />
<c:forEach items="${board.answered}" var="f"><span data-member-id="${f.id}"><c:out value="${f.nickname}"/></span>&#32;<c:out value="${f.time}"/><c:if test="${not empty f.message}">&#32;<c:out value="${f.message}"/></c:if><br /></c:forEach>
■未回答<br />
<c:forEach items="${board.notYet}" var="f"><c:out value="${f.nickname}"/>&#32;</c:forEach><br />
</k:split>
</c:otherwise>
</c:choose>
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
