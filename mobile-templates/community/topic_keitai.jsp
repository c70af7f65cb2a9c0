<k:page title="ﾄﾋﾟｯｸ">
<a href="<c:url value='/communities/${page.community.id}'/>"><c:out value="${page.community.name}"/></a><br />
<c:if test="${not empty notice}"><span style="color:#006600"><c:out value="${notice}"/></span><br /></c:if>
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<hr />
<k:split>
<div data-topic-id="${page.id}"><c:out value="${page.title}"/></div>
<c:out value="${page.authorNickname}"/>&#32;<c:out value="${page.when}"/><br />
<c:forEach items="${page.photos}" var="photoNumber"><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}/photos/0/${photoNumber}'/>"><img src="<c:url value='/communities/${page.community.id}/topics/${page.id}/photos/0/${photoNumber}?size=thumb'/>" alt="写真${photoNumber}" /></a></c:forEach>
<c:forEach items="${page.body}" var="s"><c:choose><c:when test="${s.lineBreak}"><br /></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach><br />
<c:if test="${not empty page.event}">
<hr />
日時:<c:out value="${page.event.when}"/><br />
場所:<c:out value="${page.event.place}"/><br />
参加:${page.event.attendeeCount}/<c:out value="${page.event.capacity}"/>人<br />
締切:<c:out value="${page.event.deadline}"/><br />
<c:choose>
<c:when test="${page.event.attending and not page.event.closed}"><form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/cancel'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="ｷｬﾝｾﾙ" /></form></c:when>
<c:when test="${page.event.closed}">締め切りました｡<br /></c:when>
<c:when test="${page.event.full}">定員に達しました｡<br /></c:when>
<c:when test="${page.member}"><form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/attend'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="参加" /></form></c:when>
</c:choose>
</c:if>
<hr />
ｺﾒﾝﾄ(${page.commentCount}) ${page.pageNumber}/${page.pageCount}<br />
<c:forEach items="${page.comments}" var="c">
<a name="c${c.number}" id="c${c.number}">${c.number}</a>.<c:choose><c:when test="${c.gone}"><c:out value="${c.goneLabel}"/><br /></c:when><c:otherwise><c:out value="${c.authorNickname}"/>&#32;<c:out value="${c.when}"/><br />
<c:forEach items="${c.segments}" var="s"><c:choose><c:when test="${s.lineBreak}"><br /></c:when><c:when test="${s.refNumber > 0}"><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}?page=${s.refPage}'/>#c${s.refNumber}">&gt;&gt;${s.refNumber}</a></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach><br />
<c:forEach items="${c.photos}" var="photoNumber"><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}/photos/${c.number}/${photoNumber}'/>"><img src="<c:url value='/communities/${page.community.id}/topics/${page.id}/photos/${c.number}/${photoNumber}?size=thumb'/>" alt="写真${photoNumber}" /></a></c:forEach>&#32;
<c:if test="${page.canComment}"><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}?reply=${c.number}'/>">返信</a></c:if>&#32;
<c:if test="${c.canEdit}"><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}/comments/${c.number}/edit'/>">編集</a></c:if>
<c:if test="${c.canDelete}"><form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/comments/${c.number}/delete'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="submit" value="削除" /></form></c:if><br /></c:otherwise></c:choose>
</c:forEach>
</k:split>
<c:if test="${page.pageNumber > 1}"><k:link href="/communities/${page.community.id}/topics/${page.id}?page=${page.pageNumber - 1}" key="4">前へ</k:link><br /></c:if>
<c:if test="${page.pageNumber < page.pageCount}"><k:link href="/communities/${page.community.id}/topics/${page.id}?page=${page.pageNumber + 1}" key="6">次へ</k:link><br /></c:if>
<c:if test="${page.canComment}">
<hr />
<form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/comments'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<textarea name="body" rows="3" cols="16" ${handset.input.hiragana}><c:out value="${reply}"/></textarea><br />
<input type="submit" value="ｺﾒﾝﾄ" />
</form>
<c:choose>
<c:when test="${not empty page.postingAddress}">写真はﾒｰﾙで:<a class="community-address" href="mailto:<c:out value='${page.postingAddress}'/>">ﾒｰﾙでｺﾒﾝﾄ</a><br /></c:when>
<c:otherwise><form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/mail'/>"><input type="hidden" name="_csrf" value="${csrf}" />写真はﾒｰﾙで:<input type="submit" value="ｱﾄﾞﾚｽ表示" /></form></c:otherwise>
</c:choose>
</c:if>
<hr />
<form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/report'/>"><input type="hidden" name="_csrf" value="${csrf}" />通報 ｺﾒﾝﾄ番号(ﾄﾋﾟｯｸは0)<input type="text" name="number" value="0" size="3" ${handset.input.numeric} /><br />理由<input type="text" name="reason" size="12" ${handset.input.hiragana} /><input type="submit" value="通報" /></form>
<k:link href="/communities/${page.community.id}" key="9">ｺﾐｭﾆﾃｨ</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
