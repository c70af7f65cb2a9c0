<p:page title="プロフィール">
<h1>プロフィール</h1>
<c:if test="${not empty notice}"><p style="color:#060"><c:out value="${notice}"/></p></c:if>
<c:if test="${not empty error}"><p style="color:#c00"><c:out value="${error}"/></p></c:if>
<form method="post" action="<c:url value='/settings/profile'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><label>ニックネーム<br><input type="text" name="nickname" size="20" maxlength="20" value="<c:out value='${me.nickname}'/>"></label></p>
<p><label>自己紹介（1000文字まで）<br><textarea name="self_intro" rows="6" cols="40"><c:out value="${me.selfIntro}"/></textarea></label></p>
<p>自己紹介の公開範囲:
<label><input type="radio" name="self_intro_visibility" value="everyone" ${me.selfIntroVisibility == 'everyone' ? 'checked' : ''}>全体に公開</label>
<label><input type="radio" name="self_intro_visibility" value="friends" ${me.selfIntroVisibility == 'friends' ? 'checked' : ''}>友人まで公開</label>
<label><input type="radio" name="self_intro_visibility" value="private" ${me.selfIntroVisibility == 'private' ? 'checked' : ''}>非公開</label></p>
<p><label>現住所（都道府県）<br><select name="prefecture">
<option value="">選ばない</option>
<c:forEach items="${prefectures}" var="p"><option value="<c:out value='${p.code}'/>" ${me.prefecture == p.code ? 'selected' : ''}><c:out value="${p.name}"/></option></c:forEach>
</select></label><br><small>安否確認は、選んだ都道府県が対象のときに届きます（選ばないとすべての安否確認が届きます）。</small></p>
<p><input type="submit" value="保存する"></p>
</form>
<p><a href="<c:url value='/settings'/>">設定へ</a></p>
</p:page>
