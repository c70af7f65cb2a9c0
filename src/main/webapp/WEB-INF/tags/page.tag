<%@ tag description="The PC and smartphone page: head, member navigation, body, footer" body-content="scriptless" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="title" description="the page's own title, then the site name (none: the site name alone)" %>
<%@ attribute name="console" type="java.lang.Boolean" description="true for the operators' console: its name in the title, the full width" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- <p:page title="日記の設定">…</p:page>: every non-keitai page is written inside this, so no page copies its head.
     Keitai pages use <k:page> (carrier.view.PageTag) instead: their skeleton depends on the handset's generation.
     The title is escaped here; ${signedIn} and ${signedInId} come from web.ViewWriter. --%><c:set var="site" value="${console ? '運営コンソール' : 'ケータイSNS'}"/><!DOCTYPE html>
<html lang="ja">
<head><meta charset="<c:out value='${empty handset ? "UTF-8" : handset.charsetLabel}'/>"><meta name="viewport" content="width=device-width, initial-scale=1"><title><c:if test="${not empty title}"><c:out value="${title}"/> - </c:if>${site}</title></head>
<body style="${console ? 'font-family:sans-serif;margin:1em' : 'font-family:sans-serif;max-width:40em;margin:auto;padding:1em'}">
<c:if test="${signedIn}"><nav class="site-nav"><a href="<c:url value='/home'/>">ホーム</a> | <a href="<c:url value='/members/${signedInId}/diary'/>">日記</a> | <a href="<c:url value='/voice'/>">ボイス</a> | <a href="<c:url value='/friends'/>">マイミク</a> | <a href="<c:url value='/footprints'/>">あしあと</a> | <a href="<c:url value='/settings'/>">設定</a></nav>
<hr>
</c:if><jsp:doBody/>
<hr>
<footer class="site-footer"><small><c:choose><c:when test="${signedIn}"><a href="<c:url value='/home'/>">${site}</a></c:when><c:otherwise><a href="<c:url value='/'/>">${site}</a></c:otherwise></c:choose></small></footer>
</body>
</html>
