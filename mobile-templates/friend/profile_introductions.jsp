<%-- profile: 紹介文 (a delete button for the owner and the writer), and a マイミク's form to write theirs --%>
<h2><c:out value="${sectionTitle}"/></h2>
<c:if test="${empty section.lines}"><p>（紹介文はまだありません）</p></c:if>
<c:forEach items="${section.lines}" var="i">
<div class="introduction" style="border-top:1px solid #ccc;padding:.5em 0">
<p><a href="<c:url value='/members/${i.writerId}'/>"><c:out value="${i.writer}"/></a>さんより（<c:out value="${i.date}"/>）</p>
<p style="white-space:pre-wrap"><c:out value="${i.body}"/></p>
<c:if test="${i.deletable}">
<form method="post" action="<c:url value='/members/${owner.id}/introduction/delete'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<input type="hidden" name="writer_id" value="${i.writerId}">
<input type="submit" value="削除">
</form>
</c:if>
</div>
</c:forEach>
<c:if test="${friend}">
<h2>紹介文を書く</h2>
<form method="post" action="<c:url value='/members/${owner.id}/introduction'/>">
<input type="hidden" name="_csrf" value="${csrf}">
<p><textarea name="body" rows="4" cols="40" maxlength="1000"><c:out value="${section.myIntroduction}"/></textarea></p>
<p><input type="submit" value="紹介文を保存"></p>
</form>
</c:if>
