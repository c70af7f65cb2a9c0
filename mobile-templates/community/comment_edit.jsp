<p:page title="コメントを編集">
<h1>コメント${number}を編集</h1>
<c:if test="${not empty error}"><p class="error" style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/communities/${communityId}/topics/${topicId}/comments/${number}/edit'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<textarea name="body" rows="6" cols="60"><c:out value="${body}"/></textarea><br>
<input type="submit" value="保存する">
</form>
<p><a href="<c:url value='/communities/${communityId}/topics/${topicId}'/>">トピックへ</a></p>
</p:page>
