<p:page title="${empty id ? 'コミュニティを作る' : 'コミュニティの設定'}">
<h1>${empty id ? 'コミュニティを作る' : 'コミュニティの設定'}</h1>
<c:if test="${not empty error}"><p class="error" style="color:#c00"><c:out value="${error}"/></p></c:if>
<c:choose>
<c:when test="${empty id}"><c:url var="action" value="/communities"/></c:when>
<c:otherwise><c:url var="action" value="/communities/${id}/edit"/></c:otherwise>
</c:choose>
<form method="post" action="${fn:escapeXml(action)}" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${csrf}">
<p>コミュニティ名（50文字まで）<br><input type="text" name="name" size="40" maxlength="50" value="<c:out value='${name}'/>"></p>
<p>カテゴリ<br><select name="category"><c:forEach items="${categories}" var="cat"><option value="<c:out value='${cat}'/>" ${cat == category ? 'selected' : ''}><c:out value="${cat}"/></option></c:forEach></select></p>
<p>説明（2,000文字まで）<br><textarea name="description" rows="8" cols="60"><c:out value="${description}"/></textarea></p>
<p>参加<br><label><input type="radio" name="join_policy" value="open" ${joinPolicy != 'approval' ? 'checked' : ''}>誰でも参加できる</label> <label><input type="radio" name="join_policy" value="approval" ${joinPolicy == 'approval' ? 'checked' : ''}>管理人の承認が必要</label></p>
<p>トピック作成<br><label><input type="radio" name="topic_policy" value="all" ${topicPolicy != 'admin' ? 'checked' : ''}>メンバー全員</label> <label><input type="radio" name="topic_policy" value="admin" ${topicPolicy == 'admin' ? 'checked' : ''}>管理人のみ</label></p>
<p>閲覧<br><label><input type="radio" name="read_policy" value="everyone" ${readPolicy != 'members' ? 'checked' : ''}>全員に公開</label> <label><input type="radio" name="read_policy" value="members" ${readPolicy == 'members' ? 'checked' : ''}>メンバーのみ</label></p>
<p>画像（JPEG・PNG・GIF）<br><input type="file" name="image" accept="image/jpeg,image/png,image/gif"></p>
<p><input type="submit" value="${empty id ? '作成する' : '保存する'}"></p>
</form>
<p><a href="<c:url value='/communities'/>">コミュニティへ</a></p>
</p:page>
