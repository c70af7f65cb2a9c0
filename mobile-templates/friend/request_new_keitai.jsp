<k:page title="ﾏｲﾐｸ申請">
<c:out value="${target.nickname}"/>さんにﾏｲﾐｸ申請<br />
<form method="post" action="<c:url value='/friends/requests'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="member_id" value="${target.id}" />
ﾒｯｾｰｼﾞ(任意)<br /><textarea name="message" rows="3" cols="20"></textarea><br />
<input type="submit" value="申請する" />
</form>
<hr />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
