<k:page title="ﾊﾟｽﾜｰﾄﾞを忘れた方">
入力されたｱﾄﾞﾚｽが登録されていれば､再設定用のURLをﾒｰﾙでお送りしました(<c:out value="${ttl}"/>有効･1回限り)｡<br />
届かない場合は受信設定で<c:out value="${mailDomain}"/>からのﾒｰﾙを許可してください｡<br />
<hr />
<k:link href="/" key="0">ﾄｯﾌﾟへ</k:link>
</k:page>
