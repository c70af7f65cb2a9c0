<k:page title="退会">
退会<br />
<c:if test="${not empty error}"><span style="color:#c00"><c:out value="${error}"/></span><br /></c:if>
退会するとﾆｯｸﾈｰﾑ･ﾒｰﾙｱﾄﾞﾚｽ･自己紹介･ﾊﾟｽﾜｰﾄﾞはすぐに消去されます｡日記やｺﾒﾝﾄは｢退会したﾒﾝﾊﾞｰ｣の投稿として残ります｡<br />
<form method="post" action="<c:url value='/settings/withdraw'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
ﾊﾟｽﾜｰﾄﾞ<br /><input type="password" name="password" size="16" /><br />
<input type="submit" value="退会する" />
</form>
<hr />
<k:link href="/settings" key="0">やめる</k:link>
</k:page>
