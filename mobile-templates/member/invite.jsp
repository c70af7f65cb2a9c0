<p:page title="友だちを招待">
<h1>友だちを招待</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/invite'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label>招待する人のメールアドレス（携帯またはPC）<br><input type="email" name="email" size="30" value="<c:out value='${email}'/>"></label></p>
<p><input type="submit" value="招待メールを送る"></p>
</form>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
