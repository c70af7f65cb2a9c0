<k:page title="ﾏｲﾐｸ">
<c:if test="${not empty notice}"><div data-result="ok"><c:out value="${notice}"/></div></c:if>
<c:if test="${not empty error}"><div data-result="refused"><c:out value="${error}"/></div></c:if>
<hr />
<k:link href="/friends" key="1">ﾏｲﾐｸ一覧</k:link><br />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
