<%@ page import="jp.keitai.sns.diary.DiaryHomeSection, jp.keitai.sns.home.HomeSection, jp.keitai.sns.diary.DiaryViews, jp.keitai.sns.carrier.view.Html" %>
<%-- Friends' latest diaries on the keitai home. No accesskeys here: the home page owns 1-9. The lines are written
     in Java, not EL: this is the busiest page, and each EL expression cost more than the line it wrote (issue 9,
     docs/performance.md). Html.escape for every text; TemplateSafetyTest checks it. --%>
<div style="background:#ffcc99">ﾏｲﾐｸ最新日記</div>
<% for (DiaryViews.Entry e : HomeSection.dataOf(request, DiaryHomeSection.Data.class).getEntries()) { %><span data-diary-id="<%= e.getId() %>"><%= Html.escape(e.getShortWhen()) %></span> <a href="<%= request.getContextPath() %>/diary/<%= e.getId() %>"><%= Html.escape(e.getTitle()) %></a>(<%= Html.escape(e.getAuthorNickname()) %>)<br /><% } %>
<c:if test="${empty section.entries}">まだありません｡<br /></c:if>
<a href="<c:url value='/diary/new'/>">日記を書く</a> <a href="<c:url value='/members/${section.memberId}/diary'/>">自分の日記</a><br />
