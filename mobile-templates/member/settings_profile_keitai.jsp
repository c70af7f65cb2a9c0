<k:page title="ﾌﾟﾛﾌｨｰﾙ">
ﾌﾟﾛﾌｨｰﾙ<br />
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<c:if test="${not empty error}"><span style="color:#c00"><c:out value="${error}"/></span><br /></c:if>
<form method="post" action="<c:url value='/settings/profile'/>">
<input type="hidden" name="_csrf" value="${csrf}" />
ﾆｯｸﾈｰﾑ<br /><input type="text" name="nickname" size="16" maxlength="20" value="<c:out value='${me.nickname}'/>" /><br />
自己紹介<br /><textarea name="self_intro" rows="4" cols="16"><c:out value="${me.selfIntro}"/></textarea><br />
公開範囲<br />
<select name="self_intro_visibility">
<option value="everyone" ${me.selfIntroVisibility == 'everyone' ? 'selected="selected"' : ''}>全体に公開</option>
<option value="friends" ${me.selfIntroVisibility == 'friends' ? 'selected="selected"' : ''}>友人まで公開</option>
<option value="private" ${me.selfIntroVisibility == 'private' ? 'selected="selected"' : ''}>非公開</option>
</select><br />
現住所<br />
<select name="prefecture">
<option value="">選ばない</option>
<c:forEach items="${prefectures}" var="p"><option value="<c:out value='${p.code}'/>" ${me.prefecture == p.code ? 'selected="selected"' : ''}><c:out value="${p.name}"/></option></c:forEach>
</select><br />
<input type="submit" value="保存" />
</form>
<hr />
<k:link href="/settings" key="0">設定</k:link>
</k:page>
