<%@ page import="jp.keitai.sns.voice.VoiceHomeSection, jp.keitai.sns.home.HomeSection, jp.keitai.sns.voice.VoiceItem, jp.keitai.sns.carrier.view.Html" %>
<%-- The voice section of the keitai home: the one-field form first (post, and the answer is this home page again),
     then friends' newest voices. No accesskeys here: the home page owns 1-9. The lines are written in Java, not EL,
     as in diary/home_section_keitai.jsp (issue 9). --%>
<div style="background-color:#ffe0c0">ﾎﾞｲｽ</div>
<form method="post" action="<c:url value='/voice'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="hidden" name="key" value="<c:out value='${section.key}'/>" />
<input type="hidden" name="from" value="home" />
<input type="text" name="body" size="18" ${handset.input.hiragana} /><input type="submit" value="投稿" />
</form>
<% for (VoiceItem v : HomeSection.dataOf(request, VoiceHomeSection.Data.class).getItems()) { %>
<%= Html.escape(v.getAuthorName()) %>:<%= Html.escape(v.getBody()) %> <a href="<%= request.getContextPath() %>/voice/<%= v.getId() %>"><%= Html.escape(v.getTime()) %></a><% if (v.getLikeCount() > 0) { %> ｲｲﾈ!<%= v.getLikeCount() %><% } %><% if (v.getReplyCount() > 0) { %> 返信<%= v.getReplyCount() %><% } %><br />
<% } %>
<c:if test="${empty section.items}">まだﾎﾞｲｽはありません｡<br /></c:if>
<a href="<c:url value='/voice'/>">ﾎﾞｲｽをもっと見る</a><br />
