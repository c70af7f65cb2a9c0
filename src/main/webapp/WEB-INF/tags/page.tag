<%@ tag description="The PC and smartphone page: head, member navigation, body, footer" body-content="scriptless" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="title" description="the page's own title, then the site name (none: the site name alone)" %>
<%@ attribute name="console" type="java.lang.Boolean" description="true for the operators' console: its name in the title, the full width" %>
<%@ attribute name="keitaiPath" description="this page's path on a handset (e.g. /diary/12): PC shows its 携帯で見る QR code" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- <p:page title="日記の設定">…</p:page>: every non-keitai page is written inside this, so no page copies its head.
     Keitai pages use <k:page> (carrier.view.PageTag) instead: their skeleton depends on the handset's generation.
     The shape members know from mixi: a top bar everywhere; on a smartphone the main tabs under it and the full menu
     after the page; on a PC (1024 px and wider) the full menu as a left column. One stylesheet, /static/sns.css.
     The title is escaped here; ${signedIn}, ${signedInId} and ${csrf} come from web.ViewWriter. --%><c:set var="site" value="${console ? '運営コンソール' : 'ケータイSNS'}"/><!DOCTYPE html>
<html lang="ja">
<head><meta charset="<c:out value='${empty handset ? "UTF-8" : handset.charsetLabel}'/>"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="theme-color" content="#e8820c"><title><c:if test="${not empty title}"><c:out value="${title}"/> - </c:if>${site}</title><link rel="stylesheet" href="<c:url value='/static/sns.css?v=2'/>"><link rel="icon" type="image/svg+xml" href="<c:url value='/static/favicon.svg'/>"></head>
<body class="${console ? 'console' : (signedIn ? 'member' : 'guest')}">
<header class="topbar"><div class="topbar-in"><a class="logo" href="<c:url value='${console ? "/admin" : (signedIn ? "/home" : "/")}'/>">${site}</a>
<c:if test="${signedIn and not console}"><a class="topbar-link" href="<c:url value='/diary/new'/>">日記を書く</a></c:if></div></header>
<c:choose>
<c:when test="${console}"><main class="console-main"><jsp:doBody/></main></c:when>
<c:when test="${signedIn}">
<nav class="tabs" aria-label="メインメニュー"><a href="<c:url value='/home'/>">ホーム</a><a href="<c:url value='/voice'/>">ボイス</a><a href="<c:url value='/members/${signedInId}/diary'/>">日記</a><a href="<c:url value='/friends'/>">マイミク</a><a href="<c:url value='/footprints'/>">あしあと</a><a href="<c:url value='/settings'/>">設定</a></nav>
<div class="frame">
<main class="content"><jsp:doBody/></main>
<aside class="menu" aria-label="メニュー">
<nav class="site-nav">
<h2 class="menu-title">メニュー</h2>
<ul>
<li><a href="<c:url value='/home'/>">ホーム</a></li>
<li><a href="<c:url value='/members/${signedInId}'/>">プロフィール</a></li>
<li><a href="<c:url value='/voice'/>">ボイス</a></li>
<li><a href="<c:url value='/diary/new'/>">日記を書く</a></li>
<li><a href="<c:url value='/members/${signedInId}/diary'/>">日記</a></li>
<li><a href="<c:url value='/friends'/>">マイミク一覧</a></li>
<li><a href="<c:url value='/friends/requests'/>">マイミク申請</a></li>
<li><a href="<c:url value='/members/${signedInId}/graph'/>">mixiGraph</a></li>
<li><a href="<c:url value='/messages'/>">メッセージ</a></li>
<li><a href="<c:url value='/communities'/>">コミュニティ</a></li>
<li><a href="<c:url value='/news'/>">ニュース</a></li>
<li><a href="<c:url value='/footprints'/>">あしあと</a></li>
<li><a href="<c:url value='/blocks'/>">ブロック</a></li>
<li><a href="<c:url value='/invite'/>">友だちを招待</a></li>
<li><a href="<c:url value='/settings/mail'/>">メール投稿</a></li>
<li><a href="<c:url value='/settings'/>">設定</a></li>
</ul>
<form method="post" action="<c:url value='/logout'/>" class="logout"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="link-button">ログアウト</button></form>
</nav>
<c:if test="${not empty keitaiPath}"><div class="keitai-qr"><h2 class="menu-title">携帯で見る</h2><img src="<c:url value='/qr'><c:param name='path' value='${keitaiPath}'/></c:url>" width="132" height="132" alt="このページを携帯で見るQRコード"><p>携帯のバーコードリーダーで読み取ってください。</p></div></c:if>
</aside>
</div>
</c:when>
<c:otherwise><main class="content guest-main"><jsp:doBody/><c:if test="${not empty keitaiPath}"><div class="keitai-qr guest-qr"><h2 class="menu-title">携帯で見る</h2><img src="<c:url value='/qr'><c:param name='path' value='${keitaiPath}'/></c:url>" width="132" height="132" alt="このページを携帯で見るQRコード"><p>携帯のバーコードリーダーで読み取ってください。</p></div></c:if></main></c:otherwise>
</c:choose>
<footer class="site-footer"><c:choose><c:when test="${signedIn}"><a href="<c:url value='${console ? "/admin" : "/home"}'/>">${site}</a></c:when><c:otherwise><a href="<c:url value='/'/>">${site}</a></c:otherwise></c:choose><span class="footer-note">携帯・スマートフォン・PCで、いつでもマイミクと。</span></footer>
</body>
</html>
