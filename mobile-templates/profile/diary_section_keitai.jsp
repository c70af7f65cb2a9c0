<%-- profile on keitai: the diary feature's part (diary/DiaryProfileSection), the owner's diaries and the latest ones --%>
<k:link href="/members/${owner.id}/diary" key="${sectionKey}">日記</k:link><br />
<c:forEach items="${section}" var="e"><span data-diary-id="${e.id}"><c:out value="${e.shortWhen}"/></span> <a href="<c:url value='/diary/${e.id}'/>"><c:out value="${e.title}"/></a><br /></c:forEach>
