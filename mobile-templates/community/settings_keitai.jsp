<k:page title="お知らせ設定">
<c:if test="${not empty notice}"><span style="color:#006600"><c:out value="${notice}"/></span><br /></c:if>
<form method="post" action="<c:url value='/communities/settings'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="checkbox" name="comment_mail" value="on" ${commentMail ? 'checked="checked"' : ''} />自分のﾄﾋﾟｯｸ･ｺﾒﾝﾄしたﾄﾋﾟｯｸへの新着ｺﾒﾝﾄをﾒｰﾙで受け取る<br />
<input type="submit" value="保存" />
</form>
<k:link href="/communities" key="9">ｺﾐｭﾆﾃｨ</k:link>
</k:page>
