<%-- Writing one's 紹介文 of a friend, on a page of its own (PC and smartphone also have the form on the profile) --%>
<p:page title="紹介文を書く">
<h1><c:out value="${owner.nickname}"/>さんの紹介文を書く</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/members/${owner.id}/introduction'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><textarea name="body" rows="6" cols="40" maxlength="1000"><c:out value="${myIntroduction}"/></textarea></p>
<p><input type="submit" value="紹介文を保存"></p>
</form>
<p><a href="<c:url value='/members/${owner.id}'/>">プロフィールへ</a></p>
</p:page>
