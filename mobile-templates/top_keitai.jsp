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
<c:choose>
<c:when test="${openRegistration}">はじめての方は携帯から空ﾒｰﾙを送ってください｡返信ﾒｰﾙのURLから登録できます｡<br /></c:when>
<c:otherwise>招待制です｡招待ﾒｰﾙのURLから登録してください｡招待された携帯から空ﾒｰﾙを送っても登録URLが届きます｡<br /></c:otherwise>
</c:choose>
<k:link href="mailto:${getAddress}" key="3">空ﾒｰﾙを送る</k:link><br />
ﾄﾞﾒｲﾝ指定受信をしている方は<c:out value="${mailDomain}"/>からのﾒｰﾙを受信できるようにしてください｡
</k:page>
