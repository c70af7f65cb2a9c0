<%-- A member's profile for PC and smartphone: nickname, self-introduction (per its visibility), friends, 紹介文 --%>
<p:page title="${owner.nickname}さんのプロフィール">
<h1 data-profile-id="${owner.id}"><c:out value="${owner.nickname}"/>さん</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<c:if test="${friend}"><p>マイミクです</p></c:if>
<h2>自己紹介</h2>
<c:choose>
<c:when test="${not empty selfIntro}"><p style="white-space:pre-wrap" class="self-intro"><c:out value="${selfIntro}"/></p></c:when>
<c:otherwise><p>（自己紹介はありません）</p></c:otherwise>
</c:choose>
<p>マイミク <span class="friend-count">${friendCount}</span>人 | <a href="<c:url value='/members/${owner.id}/graph'/>">mixiGraph</a> | <a href="<c:url value='${diaryPath}'/>">日記を見る</a></p>
<%-- SPOT latest-diaries: the diary feature shows the member's latest diaries (model key latestDiaries) here --%>
<c:if test="${not empty latestDiaries}"><ul class="latest-diaries"><c:forEach items="${latestDiaries}" var="e"><li data-diary-id="${e.id}"><a href="<c:url value='/diary/${e.id}'/>"><c:out value="${e.title}"/></a>（${e.commentCount}） <span style="color:#666"><c:out value="${e.shortWhen}"/></span></li></c:forEach></ul></c:if>
<c:if test="${not self}">
<p><c:if test="${not friend}"><a href="<c:url value='/friends/requests/new?member_id=${owner.id}'/>" class="ask-friend">マイミクに追加</a> | </c:if><a href="<c:url value='/blocks/new?member_id=${owner.id}'/>">ブロックする</a></p>
</c:if>
<c:if test="${not empty footprintDays}">
<h2>あしあと（日ごと）</h2>
<ul class="footprint-days"><c:forEach items="${footprintDays}" var="d"><li><c:out value="${d.day}"/> <span class="visits">${d.visitCount}</span>件</li></c:forEach></ul>
<p><a href="<c:url value='/footprints'/>">あしあとを見る</a></p>
</c:if>
<h2>紹介文</h2>
<c:if test="${empty introductions}"><p>（紹介文はまだありません）</p></c:if>
<c:forEach items="${introductions}" var="i">
<div class="introduction" style="border-top:1px solid #ccc;padding:.5em 0">
<p><a href="<c:url value='/members/${i.writerId}'/>"><c:out value="${i.writer}"/></a>さんより（<c:out value="${i.date}"/>）</p>
<p style="white-space:pre-wrap"><c:out value="${i.body}"/></p>
<c:if test="${i.deletable}">
<form method="post" action="<c:url value='/members/${owner.id}/introduction/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="writer_id" value="${i.writerId}">
<input type="submit" value="削除">
</form>
</c:if>
</div>
</c:forEach>
<c:if test="${friend}">
<h2>紹介文を書く</h2>
<form method="post" action="<c:url value='/members/${owner.id}/introduction'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><textarea name="body" rows="4" cols="40" maxlength="1000"><c:out value="${myIntroduction}"/></textarea></p>
<p><input type="submit" value="紹介文を保存"></p>
</form>
</c:if>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
