<k:page title="ｱﾄﾞﾚｽ変更">
ﾒｰﾙｱﾄﾞﾚｽ変更<br />
<c:if test="${not empty notice}"><div data-result="ok"><c:out value="${notice}"/></div></c:if>
<c:if test="${not empty error}"><div data-result="refused"><c:out value="${error}"/></div></c:if>
<hr />
携帯:<c:out value="${me.mobileEmail}"/><br />
PC:<c:out value="${empty me.pcEmail ? 'なし' : me.pcEmail}"/><br />
<form method="post" action="<c:url value='/settings/address'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="radio" name="kind" value="mobile" checked="checked" />携帯 <input type="radio" name="kind" value="pc" />PC<br />
新しいｱﾄﾞﾚｽ<br /><input type="text" name="email" size="20" ${handset.input.alphabet} /><br />
ﾊﾟｽﾜｰﾄﾞ<br /><input type="password" name="password" size="12" /><br />
<input type="submit" value="確認ﾒｰﾙを送る" />
</form>
<hr />
<k:link href="/settings" key="0">設定</k:link>
</k:page>
