<p:page title="マイミク申請">
<h1><c:out value="${target.nickname}"/>さんにマイミク申請</h1>
<form method="post" action="<c:url value='/friends/requests'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="member_id" value="${target.id}">
<p><label>メッセージ（任意・500文字まで）<br><textarea name="message" rows="4" cols="40"></textarea></label></p>
<p><input type="submit" value="申請する"></p>
</form>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
