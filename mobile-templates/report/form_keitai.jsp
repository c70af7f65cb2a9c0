<%-- 通報 for feature phones: the reason (optional), then send --%>
<k:page title="通報">
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<c:out value="${target.name}"/>を運営者に通報します｡相手には知らされません｡<br />
<form method="post" action="<c:url value='/report/${target.kind.key}/${target.id}'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
理由(なくても可)<br />
<textarea name="reason" rows="3" cols="16" ${handset.input.hiragana}><c:out value="${reason}"/></textarea><br />
<input type="submit" value="通報する" />
</form>
<hr />
<a href="<c:url value='${target.path}'/>">戻る</a><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
