<%-- profile of another member on keitai: ask them to become マイミク (when not yet), block them --%>
<c:if test="${not friend}"><k:link href="/friends/requests/new?member_id=${owner.id}" key="${sectionKey}">ﾏｲﾐｸに追加</k:link><br /></c:if>
<a href="<c:url value='/blocks/new?member_id=${owner.id}'/>">ﾌﾞﾛｯｸ</a><br />
