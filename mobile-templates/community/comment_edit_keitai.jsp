<k:page title="ｺﾒﾝﾄ編集">
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/communities/${communityId}/topics/${topicId}/comments/${number}/edit'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<textarea name="body" rows="4" cols="16" ${handset.input.hiragana}><c:out value="${body}"/></textarea><br />
<input type="submit" value="保存" />
</form>
<k:link href="/communities/${communityId}/topics/${topicId}" key="9">ﾄﾋﾟｯｸ</k:link>
</k:page>
