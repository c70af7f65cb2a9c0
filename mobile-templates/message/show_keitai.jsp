<k:page title="ﾒｯｾｰｼﾞ">
<div data-message-id="${m.id}"><c:out value="${m.title}"/></div>
<c:out value="${m.sent ? '宛先' : '差出人'}"/>:<c:out value="${m.otherName}"/><br />
<c:out value="${m.time}"/>
<hr />
<k:split>
<c:out value="${m.body}"/><br />
<c:forEach begin="1" end="${m.photoCount}" var="number"><a href="<c:url value='/messages/${m.id}/photos/${number}'/>">[写真${number}]</a> </c:forEach>
</k:split>
<hr />
<c:if test="${not m.sent}"><k:link href="/messages/new?reply=${m.id}" key="5">返信</k:link><br /></c:if>
<form method="post" action="<c:url value='/messages/${m.id}/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="submit" value="削除" />
</form>
<k:link href="/messages" key="1">受信箱</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
