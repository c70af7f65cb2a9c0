<p:page title="ブロック">
<h1>ブロック中のメンバー</h1>
<p>ブロックした相手は、あなたのページや日記を見られず、マイミク申請・コメント・あしあとも残せません。</p>
<c:if test="${empty blocked}"><p>いません。</p></c:if>
<c:forEach items="${blocked}" var="b">
<form method="post" action="<c:url value='/blocks/${b.id}/remove'/>"><c:out value="${b.nickname}"/> <input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="解除"></form>
</c:forEach>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
