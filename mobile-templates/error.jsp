<!DOCTYPE html>
<html lang="ja">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>エラー - ケータイSNS</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:auto;padding:1em">
<p><c:out value="${message}"/></p>
<p><a href="<c:url value='/'/>">トップへ</a></p>
</body>
</html>
