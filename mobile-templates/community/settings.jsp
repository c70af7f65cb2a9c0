<p:page title="コミュニティのお知らせ">
<h1>コミュニティのお知らせ</h1>
<c:if test="${not empty notice}"><p class="notice" style="color:#060"><c:out value="${notice}"/></p></c:if>
<form method="post" action="<c:url value='/communities/settings'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label><input type="checkbox" name="comment_mail" value="on" ${commentMail ? 'checked' : ''}>自分が作ったトピック・コメントしたトピックに新しいコメントがあったらメールで知らせる</label></p>
<p><input type="submit" value="保存する"></p>
</form>
<p><a href="<c:url value='/communities'/>">コミュニティへ</a></p>
</p:page>
