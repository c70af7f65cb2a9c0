<%@ page import="jp.keitai.sns.community.CommunityHomeSection, jp.keitai.sns.home.HomeSection, jp.keitai.sns.carrier.view.Html" %>
<%-- The latest topics of the member's communities on the keitai home. The lines are written in Java, not EL, as in
     diary/home_section_keitai.jsp: through EL this section alone took 7% of the home page's CPU (docs/performance.md,
     2026-12-07). Html.escape for every text; TemplateSafetyTest checks it. --%>
<div style="background:#ccccff">ｺﾐｭﾆﾃｨ最新書込</div>
<% for (CommunityHomeSection.Line l : HomeSection.dataOf(request, CommunityHomeSection.Data.class).getLines()) { %><span data-topic-id="<%= l.topicId() %>"><%= Html.escape(l.shortWhen()) %></span> <a href="<%= request.getContextPath() %>/communities/<%= l.communityId() %>/topics/<%= l.topicId() %>"><%= Html.escape(l.title()) %></a>(<%= Html.escape(l.communityName()) %>)<br /><% } %>
<c:if test="${empty section.lines}">まだありません｡<br /></c:if>
<a href="<c:url value='/communities'/>">ｺﾐｭﾆﾃｨ</a><br />
