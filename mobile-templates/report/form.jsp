<%-- 通報: the reason (optional) for reporting a diary, a voice or a profile the member can read --%>
<p:page title="通報">
<h1>通報</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<p>「<a href="<c:url value='${target.path}'/>"><c:out value="${target.name}"/></a>」を運営者に知らせます。誹謗中傷、個人情報、迷惑な宣伝などを見つけたときに使ってください。通報したことは相手に知らされません。</p>
<form method="post" action="<c:url value='/report/${target.kind.key}/${target.id}'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label>理由（<c:out value="${maxReason}"/>文字まで、なくてもかまいません）<br><textarea name="reason" rows="4" cols="40" maxlength="<c:out value='${maxReason}'/>"><c:out value="${reason}"/></textarea></label></p>
<p><input type="submit" value="通報する"></p>
</form>
<p><a href="<c:url value='${target.path}'/>">戻る</a></p>
</p:page>
