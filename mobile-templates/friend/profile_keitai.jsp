<%-- A member's profile for feature phones: small, accesskey navigation; introductions inside the splittable part --%>
<k:page title="ﾌﾟﾛﾌｨｰﾙ">
<div data-profile-id="${owner.id}"><c:out value="${owner.nickname}"/>さん<c:if test="${friend}">(ﾏｲﾐｸ)</c:if></div>
<c:if test="${not empty notice}"><c:out value="${notice}"/><br /></c:if>
<c:if test="${not empty error}"><span style="color:#cc0000"><c:out value="${error}"/></span><br /></c:if>
<hr />
ﾏｲﾐｸ${friendCount}人<br />
<k:link href="/members/${owner.id}/graph" key="1">mixiｸﾞﾗﾌ</k:link><br />
<k:link href="/members/${owner.id}/diary" key="2">日記</k:link><br />
<%-- SPOT latest-diaries: the diary feature shows the member's latest diaries (model key latestDiaries) here --%>
<c:forEach items="${latestDiaries}" var="e"><span data-diary-id="${e.id}"><c:out value="${e.shortWhen}"/></span> <a href="<c:url value='/diary/${e.id}'/>"><c:out value="${e.title}"/></a><br /></c:forEach>
<c:if test="${not empty footprintDays}">
<k:link href="/footprints" key="3">あしあと</k:link>:<c:forEach items="${footprintDays}" var="d" end="2"> <c:out value="${d.day}"/>/${d.visitCount}件</c:forEach><br />
</c:if>
<c:if test="${not self and not friend}"><k:link href="/friends/requests/new?member_id=${owner.id}" key="4">ﾏｲﾐｸに追加</k:link><br /></c:if>
<k:split>
<hr />
[自己紹介]<br />
<c:choose><c:when test="${not empty selfIntro}"><c:out value="${selfIntro}"/></c:when><c:otherwise>(なし)</c:otherwise></c:choose><br />
<hr />
[紹介文]<br />
<c:if test="${empty introductions}">(まだありません)<br /></c:if>
<c:forEach items="${introductions}" var="i">
<div><a href="<c:url value='/members/${i.writerId}'/>"><c:out value="${i.writer}"/></a>さん(<c:out value="${i.date}"/>)<br />
<c:out value="${i.body}"/></div>
<c:if test="${i.deletable}"><form method="post" action="<c:url value='/members/${owner.id}/introduction/delete'/>"><input type="hidden" name="_csrf" value="${csrf}" /><input type="hidden" name="writer_id" value="${i.writerId}" /><input type="submit" value="削除" /></form></c:if>
</c:forEach>
</k:split>
<c:if test="${friend}"><hr /><k:link href="/members/${owner.id}/introduction" key="5">紹介文を書く</k:link><br /></c:if>
<hr />
<c:if test="${not self}"><a href="<c:url value='/blocks/new?member_id=${owner.id}'/>">ﾌﾞﾛｯｸ</a><br /></c:if>
<k:link href="/home" key="0">ﾎｰﾑ</k:link>
</k:page>
