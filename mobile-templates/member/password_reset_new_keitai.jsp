<k:page title="ﾊﾟｽﾜｰﾄﾞ再設定">
ﾊﾟｽﾜｰﾄﾞ再設定<br />
<hr />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/password-reset/new'/>"><input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="token" value="<c:out value='${token}'/>" />
新しいﾊﾟｽﾜｰﾄﾞ(8文字以上)<br /><input type="password" name="password" size="16" ${handset.input.alphabet} /><br />
<input type="submit" value="設定" />
</form>
ほかの端末はﾛｸﾞｱｳﾄされ､かんたんﾛｸﾞｲﾝの登録は解除されます｡<br />
<hr />
<k:link href="/" key="0">ﾄｯﾌﾟへ</k:link>
</k:page>
