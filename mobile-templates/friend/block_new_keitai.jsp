<k:page title="ﾌﾞﾛｯｸ">
<c:out value="${target.nickname}"/>さんをﾌﾞﾛｯｸします｡ﾏｲﾐｸと申請は解除されます｡<br />
<form method="post" action="<c:url value='/blocks'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="member_id" value="${target.id}" />
<input type="submit" value="ﾌﾞﾛｯｸする" />
</form>
<hr />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
