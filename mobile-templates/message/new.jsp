<p:page title="メッセージを送る">
<h1>メッセージを送る</h1>
<p>宛先: <a href="<c:url value='/members/${to}'/>"><c:out value="${toName}"/></a></p>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<c:choose>
<c:when test="${not allowed and empty replyTo}"><p>このメンバーにはメッセージを送れません（相手の受け取る範囲の設定、またはブロックのため）。</p></c:when>
<c:otherwise>
<form method="post" action="<c:url value='/messages'/>" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="key" value="<c:out value='${key}'/>">
<input type="hidden" name="to" value="<c:out value='${to}'/>">
<input type="hidden" name="reply_to" value="<c:out value='${replyTo}'/>">
<p>件名<br><input type="text" name="title" size="40" maxlength="100" value="<c:out value='${title}'/>"></p>
<p>本文（5,000文字まで）<br><textarea name="body" rows="10" cols="60"><c:out value="${body}"/></textarea></p>
<p>写真（JPEG・PNG・GIF、${maxPhotoCount}枚まで）<br>
<input type="file" name="photo1" accept="image/jpeg,image/png,image/gif"><br>
<input type="file" name="photo2" accept="image/jpeg,image/png,image/gif"><br>
<input type="file" name="photo3" accept="image/jpeg,image/png,image/gif"></p>
<p><input type="submit" value="送信する"></p>
</form>
</c:otherwise>
</c:choose>
<p><a href="<c:url value='/messages'/>">受信箱へ</a></p>
</p:page>
