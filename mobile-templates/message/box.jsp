<%-- 受信箱 (box.box = inbox) or 送信箱 (sent), newest first, 10 per page --%>
<p:page title="${box.box == 'sent' ? '送信箱' : '受信箱'}">
<h1>${box.box == 'sent' ? '送信箱' : '受信箱'}</h1>
<p><a href="<c:url value='/messages'/>">受信箱</a> | <a href="<c:url value='/messages/sent'/>">送信箱</a></p>
<c:if test="${not empty param.sent}"><p style="color:#060">メッセージを送りました。</p></c:if>
<ul class="messages" data-box="${box.box == 'sent' ? 'sent' : 'inbox'}">
<c:forEach items="${box.items}" var="m">
<li data-message-id="${m.id}" class="${m.unread ? 'unread' : 'read'}"><c:if test="${m.unread}"><strong>未読</strong> </c:if><a href="<c:url value='/messages/${m.id}'/>"><c:out value="${m.title}"/></a> <c:out value="${m.sent ? '宛先' : '差出人'}"/>: <a href="<c:url value='/members/${m.otherId}'/>"><c:out value="${m.otherName}"/></a> <small><c:out value="${m.time}"/></small></li>
</c:forEach>
</ul>
<c:if test="${empty box.items}"><p>メッセージはありません。</p></c:if>
<p><c:if test="${box.page gt 1}"><a href="<c:url value='/messages${box.box == "sent" ? "/sent" : ""}?page=${box.page - 1}'/>">前へ</a> </c:if>
<c:if test="${box.hasNext}"><a href="<c:url value='/messages${box.box == "sent" ? "/sent" : ""}?page=${box.page + 1}'/>">次へ</a></c:if></p>
<p><a href="<c:url value='/settings/messages'/>">メッセージの設定</a> | <a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
