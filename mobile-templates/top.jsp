<%@ page session="false" trimDirectiveWhitespaces="true" %><%@ taglib prefix="c" uri="jakarta.tags.core" %><%@ taglib prefix="fn" uri="jakarta.tags.functions" %><%@ taglib prefix="k" uri="urn:keitai-sns:layout" %><%@ taglib prefix="p" tagdir="/WEB-INF/tags" %>
<%-- The guest top page for PC and smartphone: what the service is, sign-in, and how to join in the mode it runs in
     (web.TopPage: openRegistration, getAddress). --%>
<p:page keitaiPath="/">
<div class="hero">
<h1>ケータイSNS</h1>
<p class="lead"><span class="phrase">日記・ボイス・マイミクで、</span><span class="phrase">友だちとゆるくつながる。</span><br><span class="phrase">携帯からも、</span><span class="phrase">スマートフォンからも、</span><span class="phrase">PCからも。</span></p>
</div>
<ul class="features">
<li><b>日記</b>写真つきで書いて、公開範囲はマイミクまで・友人の友人まで・全体から選べます。</li>
<li><b>ボイス</b>いまどうしてる？をひとこと。メールからも投稿できます。</li>
<li><b>マイミク・あしあと</b>だれが見に来たか、あしあとでわかります。</li>
</ul>
<div class="top-columns">
<section class="panel">
<h2>ログイン</h2>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/login'/>"><input type="hidden" name="_csrf" value="${csrf}"/>
<p><label>メールアドレス（携帯またはPC）<br><input type="email" name="email" size="30" autocomplete="username" value="<c:out value='${email}'/>"></label></p>
<p><label>パスワード<br><input type="password" name="password" size="30" autocomplete="current-password"></label></p>
<p><input type="submit" value="ログイン"></p>
</form>
<p><a href="<c:url value='/password-reset'/>">パスワードを忘れた方</a></p>
</section>
<section class="panel join" id="join">
<h2>はじめての方</h2>
<c:choose>
<c:when test="${openRegistration}">
<p>携帯電話から空メールを送るだけで登録できます。返信メールのURLを開いて、ニックネームとパスワードを決めてください。</p>
</c:when>
<c:otherwise>
<p class="invite-rule">ケータイSNSは<strong>招待制</strong>です。メンバーから届いた招待メールのURLから登録してください。</p>
<p>招待された携帯のアドレスから空メールを送っても、登録用のURLが届きます。</p>
</c:otherwise>
</c:choose>
<c:if test="${not empty getAddress}"><div class="join-qr"><img src="<c:url value='/qr/join'/>" width="116" height="116" alt="空メール送信先のQRコード">
<p>空メールの送り先（タップでメールを作成）<br><a class="mail-address" href="mailto:<c:out value='${getAddress}'/>"><c:out value="${getAddress}"/></a><br><small>ドメイン指定受信をしている方は、このサイトのドメインからのメールを受け取れるようにしてください。</small></p></div></c:if>
</section>
</div>
</p:page>
