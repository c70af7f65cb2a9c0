<%-- Friends' voices and my own, newest first, for feature phones; the post form on top. --%>
<k:page title="ﾎﾞｲｽ">
<div style="color:#ff6600">ﾎﾞｲｽ</div>
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/voice'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="key" value="<c:out value='${key}'/>" />
<input type="text" name="body" size="18" value="<c:out value='${body}'/>" ${handset.input.hiragana} /><input type="submit" value="投稿" /><br />
(150文字まで)
</form>
<hr />
<k:split>
<c:forEach items="${page.items}" var="v">
<c:out value="${v.authorName}"/>:<c:out value="${v.body}"/><br />
<a href="<c:url value='/voice/${v.id}'/>"><c:out value="${v.time}"/></a> ｲｲﾈ!${v.likeCount} 返信${v.replyCount}<br />
</c:forEach>
<c:if test="${empty page.items}">まだﾎﾞｲｽはありません｡<br /></c:if>
</k:split>
<c:if test="${page.page gt 1}"><k:link href="/voice?page=${page.page - 1}" key="4">前</k:link>&#32;</c:if>
<c:if test="${page.hasNext}"><k:link href="/voice?page=${page.page + 1}" key="6">次</k:link></c:if>
<hr />
<a href="mailto:<c:out value='${mailAddress}'/>">ﾒｰﾙでﾎﾞｲｽ</a><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
