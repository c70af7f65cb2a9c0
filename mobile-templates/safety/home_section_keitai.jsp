<div data-safety-check="${section.checkId}" style="color:#cc0000">安否確認:<c:out value="${section.title}"/></div>
<c:choose>
<c:when test="${not section.asked}"></c:when>
<c:when test="${section.answered}"><span data-safety-answered="true">無事を伝えました</span><br /></c:when>
<c:otherwise>
<form method="post" action="<c:url value='/safety'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="from" value="home" />
<input type="text" name="message" size="12" maxlength="100" ${handset.input.hiragana} /><input type="submit" value="無事です" />
</form>
</c:otherwise>
</c:choose>
<a href="<c:url value='/safety'/>">ﾏｲﾐｸの安否</a><br />
