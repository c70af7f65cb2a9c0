<p:page title="メール投稿アドレス">
<h1>メール投稿アドレス</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<p>登録した携帯のメールアドレスから下のアドレスへ送ると投稿できます。件名がタイトル、本文が日記になり、写真は3枚まで付けられます。</p>
<h2>日記</h2>
<p><a class="diary-address" href="mailto:<c:out value='${diaryAddress}'/>"><c:out value="${diaryAddress}"/></a></p>
<c:if test="${not empty diaryQr}"><p><img src="<c:out value='${diaryQr}'/>" alt="日記投稿アドレスのQRコード"></p></c:if>
<h2>ボイス</h2>
<p><a class="voice-address" href="mailto:<c:out value='${voiceAddress}'/>"><c:out value="${voiceAddress}"/></a></p>
<c:if test="${not empty voiceQr}"><p><img src="<c:out value='${voiceQr}'/>" alt="ボイス投稿アドレスのQRコード"></p></c:if>
<p>アドレスは他の人に教えないでください。知られてしまったときは変更してください（前のアドレスはすぐに使えなくなります）。</p>
<form method="post" action="<c:url value='/settings/mail/rotate'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="submit" value="アドレスを変更する">
</form>
<p><a href="<c:url value='/settings/diary'/>">日記の設定（公開範囲の初期値）</a> | <a href="<c:url value='/settings'/>">設定へ</a></p>
</p:page>
