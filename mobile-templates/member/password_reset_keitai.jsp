<k:page title="ﾊﾟｽﾜｰﾄﾞを忘れた方">
ﾊﾟｽﾜｰﾄﾞを忘れた方<br />
<hr />
登録しているﾒｰﾙｱﾄﾞﾚｽを入力してください｡再設定用のURLをﾒｰﾙでお送りします｡<br />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/password-reset'/>"><input type="hidden" name="_csrf" value="${csrf}" />
ﾒｰﾙｱﾄﾞﾚｽ<br /><input type="text" name="email" size="20" ${handset.input.alphabet} /><br />
<input type="submit" value="送信" />
</form>
<hr />
<k:link href="/" key="0">ﾄｯﾌﾟへ</k:link>
</k:page>
