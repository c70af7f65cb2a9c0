<k:page title="新規登録">
新規登録<br />
<c:if test="${not empty error}"><span style="color:#c00"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/register'/>"><input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="token" value="<c:out value='${token}'/>" />
ﾆｯｸﾈｰﾑ(20文字まで)<br /><input type="text" name="nickname" size="16" maxlength="20" value="<c:out value='${nickname}'/>" /><br />
ﾊﾟｽﾜｰﾄﾞ(8文字以上)<br /><input type="password" name="password" size="16" /><br />
<c:choose>
<c:when test="${registration.mobileMissing}">
携帯ﾒｰﾙｱﾄﾞﾚｽ<br /><input type="text" name="mobile_email" size="20" value="<c:out value='${mobileEmail}'/>" /><br />
</c:when>
<c:otherwise>
<c:out value="${registration.mobileEmail}"/><br />
PCﾒｰﾙｱﾄﾞﾚｽ(任意)<br /><input type="text" name="pc_email" size="20" value="<c:out value='${pcEmail}'/>" /><br />
</c:otherwise>
</c:choose>
<input type="submit" value="登録する" />
</form>
</k:page>
