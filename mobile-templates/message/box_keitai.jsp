<%-- 受信箱 or 送信箱 for feature phones --%>
<k:page title="${box.box == 'sent' ? '送信箱' : '受信箱'}">
<div style="color:#ff6600">${box.box == 'sent' ? '送信箱' : '受信箱'}</div>
<c:if test="${not empty param.sent}">送信しました｡<br /></c:if>
<hr />
<k:split>
<c:forEach items="${box.items}" var="m">
<c:if test="${m.unread}">[未読]</c:if><a href="<c:url value='/messages/${m.id}'/>"><c:out value="${m.title}"/></a><br />
<c:out value="${m.otherName}"/>&#32;<c:out value="${m.time}"/><br />
</c:forEach>
<c:if test="${empty box.items}">ﾒｯｾｰｼﾞはありません｡<br /></c:if>
</k:split>
<c:if test="${box.page gt 1}"><k:link href="/messages${box.box == 'sent' ? '/sent' : ''}?page=${box.page - 1}" key="4">前</k:link>&#32;</c:if>
<c:if test="${box.hasNext}"><k:link href="/messages${box.box == 'sent' ? '/sent' : ''}?page=${box.page + 1}" key="6">次</k:link></c:if>
<hr />
<k:link href="/messages" key="1">受信箱</k:link><br />
<k:link href="/messages/sent" key="2">送信箱</k:link><br />
<k:link href="/settings/messages" key="8">設定</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
