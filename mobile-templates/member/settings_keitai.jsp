<html><head><title>設定</title></head>
<body>
設定<br>
<hr>
<a href="<c:url value='/settings/profile'/>" accesskey="1">[1]ﾌﾟﾛﾌｨｰﾙ</a><br>
<a href="<c:url value='/settings/password'/>" accesskey="2">[2]ﾊﾟｽﾜｰﾄﾞ変更</a><br>
<a href="<c:url value='/settings/mail'/>" accesskey="3">[3]ﾒｰﾙ投稿ｱﾄﾞﾚｽ</a><br>
<a href="<c:url value='/settings/diary'/>" accesskey="5">[5]日記の設定</a><br>
<a href="<c:url value='/settings/easy-login'/>" accesskey="4">[4]かんたんﾛｸﾞｲﾝ</a><br>
<a href="<c:url value='/settings/address'/>" accesskey="5">[5]ｱﾄﾞﾚｽ変更</a><br>
<a href="<c:url value='/settings/withdraw'/>" accesskey="9">[9]退会</a><br>
<hr>
<a href="<c:url value='/home'/>" accesskey="0">[0]ﾎｰﾑ</a>
</body></html>
