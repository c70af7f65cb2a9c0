<%-- A member's profile for PC and smartphone: nickname, self-introduction (per its visibility), then the sections
     features contribute (profile.ProfileSection), in order --%>
<p:page title="${owner.nickname}さんのプロフィール" keitaiPath="/members/${owner.id}">
<div class="profile-head"><span class="avatar big" aria-hidden="true"><c:out value="${fn:substring(owner.nickname, 0, 1)}"/></span>
<div><h1 data-profile-id="${owner.id}"><c:out value="${owner.nickname}"/>さん</h1><c:if test="${friend}"><span class="badge">マイミク</span></c:if></div></div>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<h2>自己紹介</h2>
<c:choose>
<c:when test="${not empty selfIntro}"><p style="white-space:pre-wrap" class="self-intro"><c:out value="${selfIntro}"/></p></c:when>
<c:otherwise><p>（自己紹介はありません）</p></c:otherwise>
</c:choose>
<c:forEach items="${headSections}" var="part">
<c:set var="section" value="${part.data}" scope="request"/><c:set var="sectionTitle" value="${part.title}" scope="request"/><c:set var="sectionKey" value="${part.keyNumber}" scope="request"/>
<jsp:include page="${part.path}"/>
</c:forEach>
<c:forEach items="${bodySections}" var="part">
<c:set var="section" value="${part.data}" scope="request"/><c:set var="sectionTitle" value="${part.title}" scope="request"/><c:set var="sectionKey" value="${part.keyNumber}" scope="request"/>
<jsp:include page="${part.path}"/>
</c:forEach>
<c:if test="${relation != 'SELF'}"><p><small><a class="report" href="<c:url value='/report/profile/${owner.id}'/>">このプロフィールを通報</a></small></p></c:if>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</p:page>
