<k:page title="外部サイトへ移動"><c:choose><c:when test="${not empty url}">
<div>外部サイトへ移動します｡</div>
<div><a href="${fn:escapeXml(url)}">${fn:escapeXml(url)}</a></div>
<div>このサイトの外です｡ﾊﾟｽﾜｰﾄﾞなどを入力しないでください｡</div>
</c:when><c:otherwise>
<div>移動先のURLが正しくありません｡</div>
</c:otherwise></c:choose>
<hr />
<k:link href="/" key="0">トップへ</k:link>
</k:page>
