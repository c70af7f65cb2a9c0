<%-- The member home for PC and smartphone, as mixi's: notices (requests, あしあと) first, then the controls of the
     sections whose lines are in the timeline (the voice form, the diary links), then the timeline itself, friends'
     voices and diaries newest first (home.HomeServlet merges what the sections give, home.TimelineEntry). --%>
<p:page title="ホーム">
<div class="home-head"><span class="avatar big" aria-hidden="true"><c:out value="${fn:substring(me.nickname, 0, 1)}"/></span>
<h1 data-member-id="${me.id}"><c:out value="${me.nickname}"/>さんのホーム</h1></div>
<div class="notices">
<c:forEach items="${sections}" var="part"><c:if test="${not part.inTimeline}">
<c:set var="section" value="${part.data}" scope="request"/>
<div id="${part.anchorId}" class="notice-item"><jsp:include page="${part.path}"/></div>
</c:if></c:forEach>
</div>
<div class="post-box">
<c:forEach items="${sections}" var="part"><c:if test="${part.inTimeline}">
<c:set var="section" value="${part.data}" scope="request"/>
<div id="${part.anchorId}"><jsp:include page="${part.path}"/></div>
</c:if></c:forEach>
</div>
<h2>マイミクの最新の動き</h2>
<c:if test="${empty timeline}"><p class="timeline-empty">まだ何もありません。マイミクを増やすと、ここに日記やボイスが並びます。<a href="<c:url value='/invite'/>">友だちを招待する</a></p></c:if>
<ul class="timeline" id="timeline" data-live-since="<c:out value='${live.since}'/>" data-live-poll="<c:out value='${live.poll}'/>">
<c:forEach items="${timeline}" var="e">
<li class="timeline-${fn:escapeXml(e.kind)}" data-${fn:escapeXml(e.kind)}-id="${e.id}"><a class="avatar" href="<c:url value='/members/${e.authorId}'/>" aria-hidden="true" tabindex="-1"><c:out value="${e.initial()}"/></a>
<div class="entry"><a class="who" href="<c:url value='/members/${e.authorId}'/>"><c:out value="${e.authorName}"/></a><span class="kind kind-${fn:escapeXml(e.kind)}">${e.kind == 'diary' ? '日記' : 'ボイス'}</span>
<c:choose><c:when test="${e.kind == 'diary'}"><p class="text"><a class="diary-title" href="<c:url value='${e.href}'/>"><c:out value="${e.text}"/></a></p></c:when>
<c:otherwise><p class="text"><c:out value="${e.text}"/></p></c:otherwise></c:choose>
<div class="meta"><a href="<c:url value='${e.href}'/>"><c:out value="${e.when()}"/></a><c:if test="${not empty e.note}"><c:out value="　${e.note}"/></c:if></div></div></li>
</c:forEach>
</ul>
<p class="more"><a href="<c:url value='/voice'/>">ボイスをもっと見る</a>　<a href="<c:url value='/members/${me.id}/diary'/>">自分の日記</a></p>
<script src="<c:url value='/static/live.js?v=1'/>" defer></script>
</p:page>
