<k:page title="ﾒｰﾙ投稿">
ﾒｰﾙ投稿ｱﾄﾞﾚｽ<br />
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<hr />
件名がﾀｲﾄﾙ､本文が日記になります｡写真は3枚まで｡<br />
日記:<br /><a class="diary-address" href="mailto:<c:out value='${diaryAddress}'/>" accesskey="1"><c:out value="${diaryAddress}"/></a><br />
ﾎﾞｲｽ:<br /><a class="voice-address" href="mailto:<c:out value='${voiceAddress}'/>" accesskey="2"><c:out value="${voiceAddress}"/></a><br />
<hr />
他の人に教えないでください｡<br />
<form method="post" action="<c:url value='/settings/mail/rotate'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
<input type="submit" value="ｱﾄﾞﾚｽ変更" />
</form>
<k:link href="/settings/diary" key="3">日記の設定</k:link><br />
<k:link href="/settings" key="0">設定</k:link>
</k:page>
