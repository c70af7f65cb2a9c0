<%@ page import="jp.keitai.sns.home.HomeServlet, jp.keitai.sns.home.HomeSection, jp.keitai.sns.carrier.view.Html" %>
<%-- Member home for feature phones: a menu of the sections (each section's own accesskey, 1-6; each jumps to its
     section), the sections in order (cut into parts on small budgets), the member menu on 7-9.
     The two loops over the sections, and the voice and diary lines, are written in Java, not EL: this is the busiest
     page, and EL costs too much here (docs/performance.md). --%>
<k:page title="ﾎｰﾑ">
<div data-member-id="${me.id}" style="color:#ff6600"><c:out value="${me.nickname}"/>さんのﾎｰﾑ</div>
<% for (HomeServlet.Part part : HomeServlet.parts(request)) { if (part.getKeyNumber() != null) { %><a href="#<%= part.getAnchorId() %>" accesskey="<%= part.getKeyNumber() %>">[<%= part.getKeyNumber() %>]<%= Html.escape(part.getTitle()) %></a> <% } } %>
<hr />
<k:split>
<%-- The usual sections are compiled into this page: dispatching an include per section costs too much on the
     busiest page (docs/performance.md). A section whose fragment resolves to another file (a carrier's own, a new
     feature's) is included as before. --%>
<% for (HomeServlet.Part part : HomeServlet.parts(request)) { %>
<a name="<%= part.getAnchorId() %>" id="<%= part.getAnchorId() %>"></a>
<% request.setAttribute(HomeSection.ATTRIBUTE, part.getData());
   String fragment = part.getPath();
   if (fragment.equals("/WEB-INF/templates/voice/home_section_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/voice/home_section_keitai.jsp" %><%
   } else if (fragment.equals("/WEB-INF/templates/diary/home_section_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/diary/home_section_keitai.jsp" %><%
   } else if (fragment.equals("/WEB-INF/templates/friend/home_requests_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/friend/home_requests_keitai.jsp" %><%
   } else if (fragment.equals("/WEB-INF/templates/footprint/home_section_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/footprint/home_section_keitai.jsp" %><%
   } else if (fragment.equals("/WEB-INF/templates/community/home_section_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/community/home_section_keitai.jsp" %><%
   } else if (fragment.equals("/WEB-INF/templates/message/home_section_keitai.jsp")) { %><%@ include file="/WEB-INF/templates/message/home_section_keitai.jsp" %><%
   } else { %><jsp:include page="<%= fragment %>"/><% } %>
<hr />
<% } %>
</k:split>
<k:link href="/messages">ﾒｯｾｰｼﾞ</k:link>&#32;<k:link href="/communities">ｺﾐｭﾆﾃｨ</k:link>&#32;<k:link href="/news">ﾆｭｰｽ</k:link><br />
<k:link href="/members/${me.id}" key="7">ﾌﾟﾛﾌｨｰﾙ</k:link><br />
<k:link href="/invite" key="8">友達を招待</k:link><br />
<k:link href="/settings" key="9">設定</k:link><br />
<form method="post" action="<c:url value='/logout'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="submit" value="ﾛｸﾞｱｳﾄ" />
</form>
</k:page>
