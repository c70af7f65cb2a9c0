<k:page title="設定">
設定<br />
最終ﾛｸﾞｲﾝ:<c:out value="${lastSignIn}"/><br />
<hr />
<k:link href="/settings/profile" key="1">ﾌﾟﾛﾌｨｰﾙ</k:link><br />
<k:link href="/settings/password" key="2">ﾊﾟｽﾜｰﾄﾞ変更</k:link><br />
<k:link href="/settings/mail" key="3">ﾒｰﾙ投稿ｱﾄﾞﾚｽ</k:link><br />
<k:link href="/settings/easy-login" key="4">かんたんﾛｸﾞｲﾝ</k:link><br />
<k:link href="/settings/address" key="5">ｱﾄﾞﾚｽ変更</k:link><br />
<k:link href="/settings/diary" key="6">日記の設定</k:link><br />
<k:link href="/settings/messages" key="7">ﾒｯｾｰｼﾞの設定</k:link><br />
<k:link href="/settings/apps" key="8">ｱﾌﾟﾘ連携</k:link><br />
<k:link href="/settings/withdraw" key="9">退会</k:link><br />
<hr />
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
