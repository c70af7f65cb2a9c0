<div id="safety" data-safety-check="${section.checkId}" style="border:2px solid #c00;padding:.5em">
<strong>安否確認: <c:out value="${section.title}"/>（<c:out value="${section.region}"/>）</strong>
<c:choose>
<c:when test="${not section.asked}"><p>対象地域のマイミクの安否を確かめられます。</p></c:when>
<c:when test="${section.answered}"><p data-safety-answered="true">「無事です」と伝えました。<c:if test="${not empty section.message}">（<c:out value="${section.message}"/>）</c:if></p></c:when>
<c:otherwise>
<form method="post" action="<c:url value='/safety'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="from" value="home">
<input type="text" name="message" size="30" maxlength="100" placeholder="ひとこと（なくても可）">
<input type="submit" value="無事です">
</form>
</c:otherwise>
</c:choose>
<p><a href="<c:url value='/safety'/>">マイミクの安否を見る</a></p>
</div>
