<%-- Writing one's 紹介文 of a friend from a handset --%>
<k:page title="紹介文">
<c:out value="${owner.nickname}"/>さんの紹介文<br />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/members/${owner.id}/introduction'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<textarea name="body" rows="4" cols="16"><c:out value="${myIntroduction}"/></textarea><br />
<input type="submit" value="保存" />
</form>
<hr />
<k:link href="/members/${owner.id}" key="0">ﾌﾟﾛﾌｨｰﾙ</k:link>
</k:page>
