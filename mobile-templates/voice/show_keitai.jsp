<%-- One voice with its replies, イイネ!, reply form, and a link to delete (asked first) for the author, for feature phones. --%>
<k:page title="ﾎﾞｲｽ">
<div style="color:#ff6600">ﾎﾞｲｽ</div>
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<a href="<c:url value='/members/${voice.authorId}'/>"><c:out value="${voice.authorName}"/></a><br />
<c:out value="${voice.body}"/><br />
<c:out value="${voice.time}"/> ｲｲﾈ!${voice.likeCount}<br />
<form method="post" action="<c:url value="/voice/${voice.id}/${voice.liked ? 'unlike' : 'like'}"/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="submit" value="${voice.liked ? 'ｲｲﾈ!取消' : 'ｲｲﾈ!'}" />
</form>
<c:choose><c:when test="${voice.mine}"><a href="<c:url value='/voice/${voice.id}/delete'/>">削除</a><br /></c:when><c:otherwise><a href="<c:url value='/report/voice/${voice.id}'/>">通報</a><br /></c:otherwise></c:choose>
<hr />
<k:split>
返信(${voice.replyCount})<br />
<c:forEach items="${voice.replies}" var="r">
<c:out value="${r.authorName}"/>:<c:out value="${r.body}"/><br />
<c:out value="${r.time}"/><c:if test="${r.likeCount gt 0}"> ｲｲﾈ!${r.likeCount}</c:if>
<c:if test="${r.mine}">&#32;<a href="<c:url value='/voice/${r.id}/delete'/>">削除</a></c:if><br />
</c:forEach>
</k:split>
<form method="post" action="<c:url value='/voice'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="key" value="<c:out value='${key}'/>" />
<input type="hidden" name="reply_to" value="${voice.id}" />
<input type="text" name="body" size="18" value="<c:out value='${body}'/>" ${handset.input.hiragana} /><input type="submit" value="返信" />
</form>
<hr />
<k:link href="/voice" key="5">ﾎﾞｲｽ一覧</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
