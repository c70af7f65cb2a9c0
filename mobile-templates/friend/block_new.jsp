<p:page title="ブロック">
<h1><c:out value="${target.nickname}"/>さんをブロック</h1>
<p>ブロックすると、マイミクと申請は解除され、相手はあなたのページを見たり申請・コメント・あしあとを残したりできなくなります。</p>
<form method="post" action="<c:url value='/blocks'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="member_id" value="${target.id}">
<p><input type="submit" value="ブロックする"></p>
</form>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
