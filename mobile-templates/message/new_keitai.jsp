<k:page title="ﾒｯｾｰｼﾞ">
宛先:<c:out value="${toName}"/><br />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<c:choose>
<c:when test="${not allowed and empty replyTo}">このﾒﾝﾊﾞｰにはﾒｯｾｰｼﾞを送れません｡<br /></c:when>
<c:otherwise>
<form method="post" action="<c:url value='/messages'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="key" value="<c:out value='${key}'/>" />
<input type="hidden" name="to" value="<c:out value='${to}'/>" />
<input type="hidden" name="reply_to" value="<c:out value='${replyTo}'/>" />
件名<br /><input type="text" name="title" size="16" maxlength="100" value="<c:out value='${title}'/>" ${handset.input.hiragana} /><br />
本文<br /><textarea name="body" rows="6" cols="16" ${handset.input.hiragana}><c:out value="${body}"/></textarea><br />
<input type="submit" value="送信" />
</form>
写真はﾒｰﾙの返信で送れます｡<br />
</c:otherwise>
</c:choose>
<k:link href="/messages" key="1">受信箱</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
