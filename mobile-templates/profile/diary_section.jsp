<%-- profile: the diary feature's part (diary/DiaryProfileSection), the way to the owner's diaries and the latest ones --%>
<p><a href="<c:url value='/members/${owner.id}/diary'/>">日記を見る</a></p>
<c:if test="${not empty section}"><ul class="latest-diaries"><c:forEach items="${section}" var="e"><li data-diary-id="${e.id}"><a href="<c:url value='/diary/${e.id}'/>"><c:out value="${e.title}"/></a>（${e.commentCount}） <span style="color:#666"><c:out value="${e.shortWhen}"/></span></li></c:forEach></ul></c:if>
