<%-- The diary section of the PC and smartphone home: the way to write (friends' diaries are in the home timeline,
     home.Timeline). --%>
<p class="post-links"><a href="<c:url value='/diary/new'/>">✏️ 日記を書く</a>　<a href="<c:url value='/members/${section.memberId}/diary'/>">自分の日記</a>　<a href="<c:url value='/settings/mail'/>">メールで投稿</a></p>
