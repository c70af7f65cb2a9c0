<%-- profile on keitai: 紹介文 (in the part of the page cut to fit the budget), and a マイミク's way to write theirs --%>
<hr />
[<c:out value="${sectionTitle}"/>]<br />
<c:if test="${empty section.lines}">(まだありません)<br /></c:if>
<c:forEach items="${section.lines}" var="i">
<div><a href="<c:url value='/members/${i.writerId}'/>"><c:out value="${i.writer}"/></a>さん(<c:out value="${i.date}"/>)<br />
<c:out value="${i.body}"/></div>
<c:if test="${i.deletable}"><a href="<c:url value='/members/${owner.id}/introduction/delete?writer_id=${i.writerId}'/>">削除</a><br /></c:if>
</c:forEach>
<c:if test="${friend}"><hr /><k:link href="/members/${owner.id}/introduction" key="${sectionKey}">紹介文を書く</k:link><br /></c:if>
