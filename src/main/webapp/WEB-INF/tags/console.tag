<%@ tag description="The operator console's own navigation, at the top of every admin page" body-content="empty" pageEncoding="UTF-8" trimDirectiveWhitespaces="true" %>
<%@ attribute name="current" description="the section this page belongs to: top, members, carriers, easy-login, reports, safety, mail, news, audit, invite" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%-- <p:console current="audit"/> inside <p:page console="true">: every console page starts with this, so an operator
     reaches every console page from any other. The current section is shown as text, not as a link. --%>
<nav class="console-nav" style="background:#334;color:#fff;padding:.5em 1em;margin:0 0 1em"><strong style="margin-right:1em">運営コンソール</strong>
<c:forEach items="${['top|/admin|トップ', 'members|/admin/members|会員', 'carriers|/admin/carriers|キャリア情報', 'easy-login|/admin/easy-login|かんたんログイン', 'reports|/admin/community-reports|通報', 'safety|/admin/safety|安否確認', 'mail|/admin/mail|受信メール', 'news|/admin/news|ニュース', 'audit|/admin/audit|操作履歴', 'invite|/invite|招待']}" var="item"><c:set var="part" value="${item.split('[|]')}"/><c:choose><c:when test="${part[0] == current}"><span style="margin-right:1em;font-weight:bold;text-decoration:underline" aria-current="page"><c:out value="${part[2]}"/></span></c:when><c:otherwise><a style="color:#fff;margin-right:1em" href="<c:url value='${part[1]}'/>"><c:out value="${part[2]}"/></a></c:otherwise></c:choose>
</c:forEach><a style="color:#ccf;margin-left:1em" href="<c:url value='/home'/>">会員ページ（ホーム）へ</a></nav>
