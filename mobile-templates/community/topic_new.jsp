<p:page title="${event ? 'イベントを作る' : 'トピックを作る'}">
<h1><c:out value="${community.name}"/>: ${event ? 'イベントを作る' : 'トピックを作る'}</h1>
<c:if test="${not empty error}"><p class="error" style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/communities/${community.id}/topics'/>" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${csrf}">
<p>タイトル<br><input type="text" name="title" size="40" maxlength="100" value="<c:out value='${title}'/>"></p>
<p>本文<br><textarea name="body" rows="10" cols="60"><c:out value="${body}"/></textarea></p>
<c:if test="${event}">
<p>開催日時（例 2026-12-24 19:00）<br><input type="text" name="event_date" value="<c:out value='${eventForm.date}'/>"></p>
<p>場所<br><input type="text" name="place" size="40" value="<c:out value='${eventForm.place}'/>"></p>
<p>定員<br><input type="text" name="capacity" size="6" value="<c:out value='${eventForm.capacity}'/>"></p>
<p>締め切り（例 2026-12-20）<br><input type="text" name="deadline" value="<c:out value='${eventForm.deadline}'/>"></p>
</c:if>
<p>写真（<c:out value="${maxPhotos}"/>枚まで）<br><input type="file" name="photo1" accept="image/jpeg,image/png,image/gif"><br><input type="file" name="photo2" accept="image/jpeg,image/png,image/gif"><br><input type="file" name="photo3" accept="image/jpeg,image/png,image/gif"></p>
<p><input type="submit" value="作成する"></p>
</form>
<p><a href="<c:url value='/communities/${community.id}'/>">コミュニティへ</a></p>
</p:page>
