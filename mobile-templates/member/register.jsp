<p:page title="新規登録">
<h1>新規登録</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/register'/>"><input type="hidden" name="_csrf" value="${csrf}"/>
<input type="hidden" name="token" value="<c:out value='${token}'/>">
<p><label>ニックネーム（20文字まで・本名でなくてかまいません）<br><input type="text" name="nickname" size="20" maxlength="20" value="<c:out value='${nickname}'/>"></label></p>
<p><label>パスワード（8文字以上）<br><input type="password" name="password" size="20" autocomplete="new-password"></label></p>
<c:choose>
<c:when test="${registration.mobileMissing}">
<p>PCメールアドレス: <c:out value="${registration.pcEmail}"/></p>
<p><label>携帯電話のメールアドレス（確認メールを送ります）<br><input type="email" name="mobile_email" size="30" value="<c:out value='${mobileEmail}'/>"></label></p>
</c:when>
<c:otherwise>
<p>携帯メールアドレス: <c:out value="${registration.mobileEmail}"/></p>
<p><label>PCメールアドレス（任意・確認メールを送ります）<br><input type="email" name="pc_email" size="30" value="<c:out value='${pcEmail}'/>"></label></p>
</c:otherwise>
</c:choose>
<p><input type="submit" value="登録する"></p>
</form>
</p:page>
