<k:page title="ｴﾗｰ">
<c:out value="${message}"/><br />
<k:link href="/" key="0">ﾄｯﾌﾟへ</k:link>
</k:page>
