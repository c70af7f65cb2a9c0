<k:page title="ｺﾐｭﾆﾃｨ">
${empty id ? 'ｺﾐｭﾆﾃｨを作る' : 'ｺﾐｭﾆﾃｨの設定'}<br />
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<c:choose>
<c:when test="${empty id}"><c:url var="action" value="/communities"/></c:when>
<c:otherwise><c:url var="action" value="/communities/${id}/edit"/></c:otherwise>
</c:choose>
<form method="post" action="${fn:escapeXml(action)}">
<input type="hidden" name="_csrf" value="${csrf}" />
名前<br /><input type="text" name="name" size="16" maxlength="50" value="<c:out value='${name}'/>" ${handset.input.hiragana} /><br />
ｶﾃｺﾞﾘ<br /><select name="category"><c:forEach items="${categories}" var="cat"><option value="<c:out value='${cat}'/>" ${cat == category ? 'selected="selected"' : ''}><c:out value="${cat}"/></option></c:forEach></select><br />
説明<br /><textarea name="description" rows="4" cols="16" ${handset.input.hiragana}><c:out value="${description}"/></textarea><br />
参加<select name="join_policy"><option value="open">誰でも</option><option value="approval" ${joinPolicy == 'approval' ? 'selected="selected"' : ''}>承認制</option></select><br />
ﾄﾋﾟｯｸ<select name="topic_policy"><option value="all">全員</option><option value="admin" ${topicPolicy == 'admin' ? 'selected="selected"' : ''}>管理人</option></select><br />
閲覧<select name="read_policy"><option value="everyone">全員</option><option value="members" ${readPolicy == 'members' ? 'selected="selected"' : ''}>ﾒﾝﾊﾞｰ</option></select><br />
<input type="submit" value="${empty id ? '作成' : '保存'}" />
</form>
画像はPCから登録できます｡<br />
<k:link href="/communities" key="0">ｺﾐｭﾆﾃｨ</k:link>
</k:page>
