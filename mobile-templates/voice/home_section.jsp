<%-- The voice section of the PC and smartphone home: the one-field form (friends' voices are in the home timeline,
     home.Timeline). --%>
<form method="post" action="<c:url value='/voice'/>" class="voice-form">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="key" value="<c:out value='${section.key}'/>">
<input type="hidden" name="from" value="home">
<input type="text" name="body" size="30" maxlength="150" placeholder="いまどうしてる？（150文字まで）" aria-label="ボイス">
<input type="submit" value="投稿">
</form>
