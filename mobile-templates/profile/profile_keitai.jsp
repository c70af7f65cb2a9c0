<%@ page import="jp.keitai.sns.profile.ProfilePage" %>
<%-- A member's profile for feature phones: the owner, the sections' links with their accesskeys, then the
     self-introduction and the long sections inside the splittable part. The usual fragments are compiled into this
     page (an include dispatched per section costs the page more than its data); a fragment that resolves to another
     file (a carrier's own, a new feature's) is included as usual. --%>
<k:page title="ﾌﾟﾛﾌｨｰﾙ">
<div data-profile-id="${owner.id}"><c:out value="${owner.nickname}"/>さん<c:if test="${friend}">(ﾏｲﾐｸ)</c:if></div>
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<hr />
<% for (ProfilePage.Part part : ProfilePage.head(request)) {
   part.expose(request);
   String fragment = part.getPath();
   if (fragment.equals("/WEB-INF/templates/friend/profile_friends_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/friend/profile_friends_keitai.jsp" %><%
   } else if (fragment.equals("/WEB-INF/templates/profile/diary_section_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/profile/diary_section_keitai.jsp" %><%
   } else if (fragment.equals("/WEB-INF/templates/footprint/profile_section_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/footprint/profile_section_keitai.jsp" %><%
   } else if (fragment.equals("/WEB-INF/templates/friend/profile_links_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/friend/profile_links_keitai.jsp" %><%
   } else { %><jsp:include page="<%= fragment %>"/><% } } %>
<k:split>
<hr />
[自己紹介]<br />
<c:choose><c:when test="${not empty selfIntro}"><c:out value="${selfIntro}"/></c:when><c:otherwise>(なし)</c:otherwise></c:choose><br />
<% for (ProfilePage.Part part : ProfilePage.body(request)) {
   part.expose(request);
   String fragment = part.getPath();
   if (fragment.equals("/WEB-INF/templates/friend/profile_introductions_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/friend/profile_introductions_keitai.jsp" %><%
   } else { %><jsp:include page="<%= fragment %>"/><% } } %>
</k:split>
<hr />
<c:if test="${relation != 'SELF'}"><a href="<c:url value='/report/profile/${owner.id}'/>">通報</a><br /></c:if>
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
