<p:page title="${m.title}">
<article data-message-id="${m.id}">
<h1><c:out value="${m.title}"/></h1>
<p><c:out value="${m.sent ? '宛先' : '差出人'}"/>: <a href="<c:url value='/members/${m.otherId}'/>"><c:out value="${m.otherName}"/></a> <small><c:out value="${m.time}"/></small></p>
<div style="white-space:pre-wrap"><c:out value="${m.body}"/></div>
<c:forEach begin="1" end="${m.photoCount}" var="number"><p><a href="<c:url value='/messages/${m.id}/photos/${number}'/>"><img src="<c:url value='/messages/${m.id}/photos/${number}?size=thumb'/>" alt="写真${number}"></a></p></c:forEach>
</article>
<c:if test="${not m.sent}"><p><a href="<c:url value='/messages/new?reply=${m.id}'/>">返信する</a></p></c:if>
<form method="post" action="<c:url value='/messages/${m.id}/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="削除する（相手のメッセージは残ります）">
</form>
<p><a href="<c:url value='/messages'/>">受信箱</a> | <a href="<c:url value='/messages/sent'/>">送信箱</a></p>
</p:page>
