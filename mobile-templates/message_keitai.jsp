<k:page title="ｹｰﾀｲSNS">
<c:out value="${message}"/><br />
<hr />
<k:link href="/" key="0">ﾄｯﾌﾟへ</k:link>
</k:page>
