<!DOCTYPE html>
<html lang="ja">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>ブロック - ケータイSNS</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:auto;padding:1em">
<h1><c:out value="${target.nickname}"/>さんをブロック</h1>
<p>ブロックすると、マイミクと申請は解除され、相手はあなたのページを見たり申請・コメント・あしあとを残したりできなくなります。</p>
<form method="post" action="<c:url value='/blocks'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="member_id" value="${target.id}">
<p><input type="submit" value="ブロックする"></p>
</form>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</body>
</html>
