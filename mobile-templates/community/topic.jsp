<p:page title="${page.title}">
<p><a href="<c:url value='/communities/${page.community.id}'/>"><c:out value="${page.community.name}"/></a></p>
<c:if test="${not empty notice}"><p class="notice" style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p class="error" style="color:#c00"><c:out value="${error}"/></p></c:if>
<article class="topic" data-topic-id="${page.id}">
<h1><c:out value="${page.title}"/></h1>
<p style="color:#666"><a href="<c:url value='/members/${page.authorId}'/>"><c:out value="${page.authorNickname}"/></a> <c:out value="${page.when}"/></p>
<c:forEach items="${page.photos}" var="photoNumber"><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}/photos/0/${photoNumber}'/>"><img src="<c:url value='/communities/${page.community.id}/topics/${page.id}/photos/0/${photoNumber}?size=thumb'/>" alt="写真${photoNumber}" style="max-width:240px;margin:0 .5em .5em 0"></a></c:forEach>
<div class="body"><c:forEach items="${page.body}" var="s"><c:choose><c:when test="${s.lineBreak}"><br></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach></div>
</article>
<c:if test="${not empty page.event}">
<section class="event">
<h2>イベント</h2>
<dl><dt>日時</dt><dd><c:out value="${page.event.when}"/></dd><dt>場所</dt><dd><c:out value="${page.event.place}"/></dd>
<dt>定員</dt><dd class="attendance">${page.event.attendeeCount} / <c:out value="${page.event.capacity}"/>人</dd><dt>締め切り</dt><dd><c:out value="${page.event.deadline}"/></dd></dl>
<c:choose>
<c:when test="${page.event.attending and not page.event.closed}"><form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/cancel'/>"><input type="hidden" name="_csrf" value="${csrf}">参加予定です。 <input type="submit" value="キャンセル"></form></c:when>
<c:when test="${page.event.closed}"><p>締め切りました。</p></c:when>
<c:when test="${page.event.full}"><p>定員に達しました。</p></c:when>
<c:when test="${page.member}"><form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/attend'/>"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="参加"></form></c:when>
</c:choose>
<p class="attendees">参加者: <c:forEach items="${page.event.attendees}" var="a" varStatus="st"><c:out value="${a}"/><c:if test="${not st.last}">、</c:if></c:forEach></p>
</section>
</c:if>
<c:if test="${page.canDeleteTopic}"><form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/delete'/>"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="トピックを削除"></form></c:if>
<h2>コメント（${page.commentCount}）</h2>
<c:if test="${page.pageCount > 1}"><p class="pages">ページ: <c:forEach begin="1" end="${page.pageCount}" var="linkNumber"><c:choose><c:when test="${linkNumber == page.pageNumber}">${linkNumber}</c:when><c:otherwise><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}?page=${linkNumber}'/>">${linkNumber}</a></c:otherwise></c:choose> </c:forEach></p></c:if>
<c:forEach items="${page.comments}" var="c">
<div id="c${c.number}" class="comment" style="border-top:1px solid #ddd;padding:.5em 0">
<c:choose>
<c:when test="${c.gone}"><p style="margin:0;color:#666">${c.number}. <c:out value="${c.goneLabel}"/></p></c:when>
<c:otherwise>
<p style="margin:0;color:#666">${c.number}. <a href="<c:url value='/members/${c.authorId}'/>"><c:out value="${c.authorNickname}"/></a> <c:out value="${c.when}"/><c:if test="${c.viaMail}"> (メール)</c:if></p>
<p style="margin:.3em 0"><c:forEach items="${c.segments}" var="s"><c:choose><c:when test="${s.lineBreak}"><br></c:when><c:when test="${s.refNumber > 0}"><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}?page=${s.refPage}'/>#c${s.refNumber}">&gt;&gt;${s.refNumber}</a></c:when><c:otherwise><c:out value="${s.text}"/></c:otherwise></c:choose></c:forEach></p>
<c:forEach items="${c.photos}" var="photoNumber"><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}/photos/${c.number}/${photoNumber}'/>"><img src="<c:url value='/communities/${page.community.id}/topics/${page.id}/photos/${c.number}/${photoNumber}?size=thumb'/>" alt="写真${photoNumber}" style="max-width:120px;margin-right:.5em"></a></c:forEach>
<c:if test="${page.canComment}"><a href="<c:url value='/communities/${page.community.id}/topics/${page.id}?reply=${c.number}#comment'/>">返信</a></c:if>
<c:if test="${c.canEdit}"> <a href="<c:url value='/communities/${page.community.id}/topics/${page.id}/comments/${c.number}/edit'/>">編集</a></c:if>
<c:if test="${c.canDelete}"><form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/comments/${c.number}/delete'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="削除"></form></c:if>
<form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/report'/>" style="display:inline"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="number" value="${c.number}"><input type="hidden" name="reason" value=""><input type="submit" value="通報"></form>
</c:otherwise>
</c:choose>
</div>
</c:forEach>
<c:choose>
<c:when test="${page.canComment}">
<h2 id="comment">コメントを書く</h2>
<form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/comments'/>" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${csrf}">
<textarea name="body" rows="4" cols="60"><c:out value="${reply}"/></textarea><br>
<input type="file" name="photo1" accept="image/jpeg,image/png,image/gif"> <input type="file" name="photo2" accept="image/jpeg,image/png,image/gif"> <input type="file" name="photo3" accept="image/jpeg,image/png,image/gif"><br>
<input type="submit" value="コメントする"> （<c:out value="${page.maxComment}"/>文字まで、写真<c:out value="${page.maxPhotos}"/>枚まで）
</form>
<c:choose>
<c:when test="${not empty page.postingAddress}">
<p id="mail">メールでコメント: <a class="community-address" href="mailto:<c:out value='${page.postingAddress}'/>"><c:out value="${page.postingAddress}"/></a></p>
<form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/mail/rotate'/>"><input type="hidden" name="_csrf" value="${csrf}"><input type="submit" value="アドレスを変える"></form>
</c:when>
<c:otherwise><form id="mail" method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/mail'/>"><input type="hidden" name="_csrf" value="${csrf}">写真つきのコメントは携帯からメールでも送れます: <input type="submit" value="メール投稿アドレスを表示"></form></c:otherwise>
</c:choose>
</c:when>
<c:otherwise><p>コミュニティに参加するとコメントできます。</p></c:otherwise>
</c:choose>
<form method="post" action="<c:url value='/communities/${page.community.id}/topics/${page.id}/report'/>"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="number" value="0">このトピックを通報（理由）: <input type="text" name="reason" size="30"> <input type="submit" value="通報"></form>
<p><a href="<c:url value='/communities/${page.community.id}'/>">コミュニティへ</a> | <a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
