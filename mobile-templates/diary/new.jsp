<p:page title="${empty page ? '日記を書く' : '日記を編集'}">
<h1>${empty page ? '日記を書く' : '日記を編集'}</h1>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<c:choose>
<c:when test="${empty page}"><c:url var="action" value="/diary"/></c:when>
<c:otherwise><c:url var="action" value="/diary/${page.id}/edit"/></c:otherwise>
</c:choose>
<form method="post" action="${fn:escapeXml(action)}" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${csrf}">
<p>タイトル<br><input type="text" name="title" size="40" maxlength="100" value="<c:out value='${title}'/>"></p>
<p>本文（10,000文字まで）<br><textarea name="body" rows="12" cols="60"><c:out value="${body}"/></textarea></p>
<p>公開範囲<br><select name="visibility">
<c:forEach items="${levels}" var="l"><option value="<c:out value='${l.value}'/>" ${l.value == visibility ? 'selected' : ''}><c:out value="${l.label}"/></option></c:forEach>
</select></p>
<c:if test="${not empty page.photos}"><p>今の写真（チェックしたものを外します）<br>
<c:forEach items="${page.photos}" var="photo"><label><input type="checkbox" name="remove_photo" value="${photo.number}"><img src="<c:url value='/diary/${page.id}/photos/${photo.number}?size=thumb'/>" alt="写真${photo.number}" class="thumb"></label> </c:forEach></p></c:if>
<p>写真（JPEG・PNG・GIF、合わせて${maxPhotoCount}枚まで）<br>
<input type="file" name="photo1" accept="image/jpeg,image/png,image/gif"><br>
<input type="file" name="photo2" accept="image/jpeg,image/png,image/gif"><br>
<input type="file" name="photo3" accept="image/jpeg,image/png,image/gif"></p>
<p><input type="submit" value="${empty page ? '書き込む' : '保存する'}"></p>
</form>
<p><a href="<c:url value='/settings/mail'/>">メールで日記を書く</a> | <a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
