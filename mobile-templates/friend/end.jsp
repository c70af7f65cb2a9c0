<!DOCTYPE html>
<html lang="ja">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>マイミク解除 - ケータイSNS</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:auto;padding:1em">
<h1>マイミク解除</h1>
<p><c:out value="${target.nickname}"/>さんとのマイミクを解除します。書いてもらった紹介文も消えます。よろしいですか？</p>
<form method="post" action="<c:url value='/friends/${target.id}/end'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><input type="submit" value="解除する"></p>
</form>
<p><a href="<c:url value='/home'/>">ホームへ</a></p>
</body>
</html>
