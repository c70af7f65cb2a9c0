<%-- Guest top page for feature phones: small, inline styles only, accesskey navigation, input modes from the profile --%>
<k:page title="ケータイSNS">
<div style="text-align:center;color:#ff6600">ケータイSNS</div>
<hr />
ﾛｸﾞｲﾝ<br />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/login'/>"><input type="hidden" name="_csrf" value="${csrf}"/>
ﾒｰﾙｱﾄﾞﾚｽ<br /><input type="text" name="email" size="20" value="<c:out value='${email}'/>" ${handset.input.alphabet} /><br />
ﾊﾟｽﾜｰﾄﾞ<br /><input type="password" name="password" size="20" ${handset.input.alphabet} /><br />
<input type="submit" value="ﾛｸﾞｲﾝ" />
</form>
<k:link href="/easy-login" key="1">かんたんﾛｸﾞｲﾝ</k:link><br />
<k:link href="/password-reset" key="2">ﾊﾟｽﾜｰﾄﾞを忘れた方</k:link><br />
<hr />
はじめての方は招待ﾒｰﾙのURLから登録してください｡
</k:page>
